package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDetailRereadsTheFile(t *testing.T) {
	dir := t.TempDir()
	content := testArticle{title: "A story with details", url: "https://example.com/d", provider: "Wire",
		related: []string{"https://example.com/r1", "https://example.com/r2"}, body: "Body **text**.\n"}.render()
	write(t, dir, map[string]string{"2020-01-01-d.md": content})
	lib := mustLoad(t, Options{}, Dir(dir))
	sum := lib.Articles()[0]
	full, err := Detail(sum)
	if err != nil {
		t.Fatal(err)
	}
	if !full.Full() || len(full.Detail.Related) != 2 || full.Detail.Related[1].WebURL != "https://example.com/r2" {
		t.Errorf("Detail: Full=%v Detail=%+v", full.Full(), full.Detail)
	}
	if full.ID != sum.ID || full.FirstSaveID != sum.FirstSaveID || full.Path != sum.Path || full.Rel() != sum.Rel() {
		t.Errorf("identity changed: %q %q %q %q", full.ID, full.FirstSaveID, full.Path, full.Rel())
	}
	if sum.Full() || sum.Detail != nil {
		t.Error("Detail modified the summary")
	}
	if !strings.Contains(full.Detail.Body, "Body **text**.") {
		t.Errorf("Body = %q", full.Detail.Body)
	}

	if err := os.Remove(filepath.Join(dir, "2020-01-01-d.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Detail(sum); err == nil || !strings.Contains(err.Error(), sum.Path) {
		t.Errorf("Detail of a removed file: err = %v, want one naming the path", err)
	}
}

func TestDetailFromFS(t *testing.T) {
	fsys := fstest.MapFS{"2020-01-01-e.md": {Data: []byte(testArticle{title: "Embedded with details",
		related: []string{"https://example.com/r1"}}.render())}}
	lib := mustLoad(t, Options{}, FS(fsys, "demo"))
	full, err := Detail(lib.Articles()[0])
	if err != nil {
		t.Fatal(err)
	}
	if !full.Full() || len(full.Detail.Related) != 1 || full.Path != "demo/2020-01-01-e.md" {
		t.Errorf("Detail: Full=%v Detail=%+v Path=%q", full.Full(), full.Detail, full.Path)
	}
}
