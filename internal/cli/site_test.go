package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/sitetest"
	"github.com/herald-reader/herald/internal/state"
)

// siteDir writes the fixture site (see sitetest) for the commands.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// listTitles runs `herald list --format json` with args and returns the
// titles it printed, in order.
func listTitles(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, errOut := herald(append([]string{"list", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("list %q: exit %d, stderr %q", args, code, errOut)
	}
	var titles []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ Title string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		titles = append(titles, rec.Title)
	}
	return titles
}

// TestListSiteOneOrder: `herald list` with and without --query prints the
// site newest first by publishedDateTime, and --sort oldest is the exact
// reverse among the dated articles (issue 11).
func TestListSiteOneOrder(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	all := listTitles(t, dir)
	if !slices.Equal(all, sitetest.NewestFirst) {
		t.Fatalf("list:\n%q\nwant\n%q", all, sitetest.NewestFirst)
	}
	// The undated articles (the last two) have no topics.
	dated := all[:len(all)-2]
	if got := listTitles(t, "--query", "topic:AI", dir); !slices.Equal(got, dated) {
		t.Errorf("list --query topic:AI:\n%q\nwant\n%q", got, dated)
	}
	var videos []string
	for _, title := range all {
		if strings.Contains(title, "Video") || strings.Contains(title, "Course") {
			videos = append(videos, title)
		}
	}
	if got := listTitles(t, "--query", "in:_learning -in:_learning/collections", dir); !slices.Equal(got, videos) {
		t.Errorf("list --query in:_learning -in:_learning/collections: %q, want %q", got, videos)
	}
	oldest := listTitles(t, "--sort", "oldest", dir)
	want := slices.Clone(dated)
	slices.Reverse(want)
	want = append(want, all[len(all)-2:]...)
	if !slices.Equal(oldest, want) {
		t.Errorf("list --sort oldest:\n%q\nwant\n%q", oldest, want)
	}
}

// TestErrorsSite: herald errors lists the skipped files, with --warnings
// the warnings and with --all the records that are not articles, each
// under its heading; only skipped files make the exit status 1.
func TestErrorsSite(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	code, out, errOut := herald("errors", dir)
	if code != 1 || strings.Contains(out, "warnings:") || strings.Count(out, "\n") != len(sitetest.Skipped) {
		t.Errorf("errors: exit %d, stdout:\n%s", code, out)
	}
	if want := "3 of 21 files could not be used"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	code, out, _ = herald("errors", "--all", dir)
	if code != 1 {
		t.Errorf("errors --all: exit %d", code)
	}
	warnAt := strings.Index(out, "\nwarnings:\n")
	notAt := strings.Index(out, "\nnot articles:\n")
	if warnAt < 0 || notAt < warnAt {
		t.Fatalf("errors --all: no headings in order:\n%s", out)
	}
	for rel, piece := range sitetest.Warned {
		line := lineWith(out[warnAt:notAt], filepath.Join(dir, filepath.FromSlash(rel))+":")
		if !strings.Contains(line, piece) {
			t.Errorf("warning of %s: %q, want %q", rel, line, piece)
		}
	}
	for _, rel := range sitetest.NotArticles {
		want := filepath.Join(dir, filepath.FromSlash(rel)) + ": not an article: no date and no link"
		if !strings.Contains(out[notAt:], want+"\n") {
			t.Errorf("not articles lack %q:\n%s", want, out[notAt:])
		}
	}

	// Warnings and records alone are no error.
	for _, rel := range sitetest.Skipped {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := herald("errors", "--warnings", dir); code != 0 || !strings.HasPrefix(out, "warnings:\n") || errOut != "" {
		t.Errorf("errors --warnings without skipped files: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// lineWith is the line of s that starts with prefix, or "".
func lineWith(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestCommandsAgree: show takes a file outside the configured folders; a
// missing file or directory is named once, not "open X: open X: ..."; a
// count of one is singular.
func TestCommandsAgree(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	file := filepath.Join(dir, "_learning", "videos", "video.md")
	if code, out, errOut := herald("show", file); code != 0 || !strings.Contains(out, "# Video from 2021") {
		t.Errorf("show PATH: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	missing := filepath.Join(dir, "gone.md")
	if code, _, errOut := herald("show", missing); code != 1 || strings.Count(errOut, missing) != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("show a missing file: exit %d, stderr %q", code, errOut)
	}
	if err := checkDir(filepath.Join(dir, "nope")); err == nil || strings.Count(err.Error(), "nope") != 1 {
		t.Errorf("checkDir: %v", err)
	}
	one := t.TempDir()
	writeFile(t, filepath.Join(one, "2024-01-01-one.md"), "---\ntitle: \"The only one\"\n---\n")
	if code, out, _ := herald("list", "--format", "count", one); code != 0 || out != "1 article, 0 skipped\n" {
		t.Errorf("count: exit %d, %q", code, out)
	}
}

// TestIdentityWhateverFolders: an article has the same ID loaded from its
// own folder or from a parent folder that holds a second copy of its URL;
// a star set on one copy shows on the other after a restart; herald show
// finds it by ID whatever folders are given (issue 11).
func TestIdentityWhateverFolders(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	idsOf := func(args ...string) map[string]string { // title -> ID
		code, out, errOut := herald(append([]string{"list", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("list %q: exit %d, %s", args, code, errOut)
		}
		ids := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var rec struct{ ID, Title string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			ids[rec.Title] = rec.ID
		}
		return ids
	}
	const launch, copyTitle = "Launch day", "Copy of the launch in the archive"
	own := idsOf(filepath.Join(dir, "_news"))[launch]
	all := idsOf(dir)
	if own == "" || all[launch] != own || all[copyTitle] != own {
		t.Fatalf("launch: %q from its folder, %q and copy %q from the site", own, all[launch], all[copyTitle])
	}

	// Star the archived copy, as the reader would, then start again.
	archived := idsOf(filepath.Join(dir, "_archive"))[copyTitle]
	stateDir, err := state.DefaultDir(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	st, err := state.Open(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetStarred(archived, true); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if got := listTitles(t, "--query", "is:starred", filepath.Join(dir, "_news")); !slices.Equal(got, []string{launch}) {
		t.Errorf("starred in _news after a restart: %q", got)
	}
	if got := listTitles(t, "--query", "is:starred", dir); !slices.Equal(got, []string{copyTitle, launch}) {
		t.Errorf("starred in the site: %q", got)
	}
	for _, d := range []string{dir, filepath.Join(dir, "_news"), filepath.Join(dir, "_archive", "_news")} {
		for _, id := range []string{own, own[:6]} { // a prefix names one article, copies or not
			if code, out, errOut := herald("show", id, d); code != 0 || !strings.Contains(out, "launch") {
				t.Errorf("show %s %s: exit %d, %q %q", id, d, code, out, errOut)
			}
		}
	}
}

// TestShowHTMLBodyInAPipe: herald show prints an HTML body as readable
// text, never raw tags.
func TestShowHTMLBodyInAPipe(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	code, out, errOut := herald("show", filepath.Join(dir, "_samples", "html-sample.md"))
	tag := regexp.MustCompile(`</?[a-z]+[ >]`)
	if code != 0 || tag.MatchString(out) || !strings.Contains(out, "The **first** paragraph.\n\n- one item\n- another item") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

// TestCountIsTheListsLength: `list --format count` says as many articles as
// `list --format json` prints lines, and skips the files list reports on
// stderr, in a site checkout with records that are not articles, files
// that cannot be used and a symbolic and a hard link to one article;
// cold, warm, after files were added, changed and removed, and with a
// query.
func TestCountIsTheListsLength(t *testing.T) {
	isolate(t)
	dir := siteDir(t)
	launch := filepath.Join(dir, "_news", "2024-03-01-launch.md")
	if err := os.Symlink(launch, filepath.Join(dir, "_news", "2024-03-02-link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(launch, filepath.Join(dir, "2024-03-03-hardlink.md")); err != nil {
		t.Fatal(err)
	}
	check := func(step string, query ...string) {
		t.Helper()
		code, out, errOut := herald(append([]string{"list", "--format", "json", dir}, query...)...)
		if code != 0 {
			t.Fatalf("%s: list: exit %d, %s", step, code, errOut)
		}
		skipped := strings.Split(strings.TrimSpace(errOut), "\n")
		slices.Sort(skipped)
		want := fmt.Sprintf("%d articles, %d skipped\n", strings.Count(out, "\n"), len(skipped))
		code, out, errOut = herald(append([]string{"list", "--format", "count", dir}, query...)...)
		counted := strings.Split(strings.TrimSpace(errOut), "\n")
		slices.Sort(counted)
		if code != 0 || out != want || !slices.Equal(counted, skipped) {
			t.Errorf("%s: count: exit %d, %q, stderr %q; list printed %q, stderr %q", step, code, out, counted, want, skipped)
		}
	}
	check("cold")
	check("warm")
	check("a query", "--query", "topic:AI")
	writeFile(t, filepath.Join(dir, "_news", "2024-04-01-new.md"), "---\ntitle: \"New\"\npublishedDateTime: 2024-04-01\n---\n")
	writeFile(t, filepath.Join(dir, "_news", "2021-10-10-duplicate-keys.md"), "no front matter now\n")
	if err := os.Remove(filepath.Join(dir, "_learning", "videos", "video.md")); err != nil {
		t.Fatal(err)
	}
	check("after changes")
	check("warm again")
}
