package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/state"
	"github.com/herald-reader/herald/internal/textsafe"
)

// damagedState opens a real state store in dir whose log holds one good
// line (arts[0] read) and the given damaged lines after it.
func damagedState(t *testing.T, dir string, arts []*feed.Article, damaged string) *state.Store {
	t.Helper()
	w, err := state.OpenWith(dir, state.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetRead([]string{arts[0].ID}, true); err != nil {
		t.Fatal(err)
	}
	w.Close()
	appendLog(t, dir, damaged)
	st, err := state.OpenWith(dir, state.Options{NoSync: true, NoAutoCompact: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func appendLog(t *testing.T, dir, lines string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, state.LogName), os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(lines); err != nil {
		t.Fatal(err)
	}
}

// damageModel is a model over arts with st, started as the program
// would (Init), without the directory watch: the harness runs Cmds to
// completion and a watch never completes.
func damageModel(st Store, arts []*feed.Article, w, h int) *Model {
	m := New(Options{
		Keys: config.DefaultKeyMap(), Styles: NewStyles(config.Default().Theme, config.Appearance{}),
		Layout: config.Layout{SplitAt: 100, ListShare: 0.4}, Clock: fixedClock, State: st,
	})
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(batchMsg{batch: feed.Batch{Articles: arts, Found: len(arts), Done: true}})
	return m
}

// TestDamagedStateLinesAreToldAndListed: a reading-state log with a
// garbage line and a line whose checksum fails. The status line says so
// once, with the key of the panel that lists them; the panel lists each
// with its path, line and reason; a hostile directory name reaches the
// screen only sanitised.
func TestDamagedStateLinesAreToldAndListed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "st\x1b[31mate\u202e")
	arts := articles(3)
	good := "2024-05-01T09:30:00.000000000Z\tread\t" + arts[1].ID + "\t00000000\n" // wrong checksum
	st := damagedState(t, dir, arts, "garbage line\n"+good)
	if !st.IsRead(arts[0].ID) || st.IsRead(arts[1].ID) {
		t.Fatal("the fixture's good line was lost or its bad one applied")
	}

	m := damageModel(st, arts, 200, 30)
	v := m.View()
	checkScreen(t, v, 200, 30)
	want := "state: 2 damaged lines skipped (! lists them) in " + textsafe.Line(st.Path())
	if !strings.Contains(v, want) {
		t.Fatalf("status does not tell the damage, want %q:\n%s", want, v)
	}
	if !strings.Contains(v, "3 articles · 2 unread") {
		t.Fatalf("the good line's mark is not counted:\n%s", v)
	}

	m.Update(keyMsg("!"))
	v = m.View()
	checkScreen(t, v, 200, 30)
	log := textsafe.Line(filepath.Join(dir, state.LogName))
	for _, s := range []string{
		"Skipped files (0), reading state (2 damaged lines)",
		log + ":3: not an event",
		log + ":4: checksum mismatch",
	} {
		if !strings.Contains(v, s) {
			t.Fatalf("panel lacks %q:\n%s", s, v)
		}
	}

	// Told once: a refresh that finds nothing new leaves the status to
	// the user's last action.
	m.Update(keyMsg("esc"))
	m.Update(keyMsg("S")) // sort: a status message of its own
	m.Update(stateRefreshedMsg{})
	if v := m.View(); strings.Contains(v, "damaged") {
		t.Fatalf("the same damage told again:\n%s", v)
	}
	// A new damaged line (another writer's) is told.
	appendLog(t, dir, "\ntorn\n")
	if err := st.Refresh(); err != nil {
		t.Fatal(err)
	}
	m.Update(stateRefreshedMsg{})
	if v := m.View(); !strings.Contains(v, "state: 3 damaged lines skipped") {
		t.Fatalf("new damage not told:\n%s", v)
	}
}

// TestDamagedStateAtNarrowWidth: on a narrow screen the long path is cut,
// not the count or the key that lists the lines.
func TestDamagedStateAtNarrowWidth(t *testing.T) {
	arts := articles(3)
	st := damagedState(t, t.TempDir(), arts, "garbage line\n")
	m := damageModel(st, arts, 80, 24)
	v := m.View()
	checkScreen(t, v, 80, 24)
	if !strings.Contains(v, "state: 1 damaged line skipped (! lists them)") {
		t.Fatalf("narrow status:\n%s", v)
	}
}

// TestCleanStateTellsNothing: a sound log adds nothing to the status
// line or the panel.
func TestCleanStateTellsNothing(t *testing.T) {
	arts := articles(3)
	st := damagedState(t, t.TempDir(), arts, "")
	m := damageModel(st, arts, 120, 24)
	if v := m.View(); strings.Contains(v, "damaged") || strings.Contains(v, "state:") {
		t.Fatalf("a sound log is reported:\n%s", v)
	}
	m.Update(keyMsg("!"))
	if v := m.View(); !strings.Contains(v, "No file was skipped.") || strings.Contains(v, "Reading state") {
		t.Fatalf("panel for a sound log:\n%s", v)
	}
}
