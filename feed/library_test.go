package feed

import (
	"slices"
	"testing"
	"time"
)

// savesOf returns every save of the article with this ID (see
// FirstSaveID), newest first (one saved once is that article alone), or
// nil when no article has the ID.
func savesOf(lib *Library, id string) []*Article {
	a := lib.ByID(id)
	if a == nil {
		return nil
	}
	var saves []*Article
	for _, b := range lib.Articles() {
		if b.FirstSaveID == a.FirstSaveID {
			saves = append(saves, b)
		}
	}
	return saves
}

func TestStoriesGroupSameURLAndSameTitle(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		// The same URL saved on three days.
		"2020-01-01-automl.md": article("Google Cloud releases AutoML", "https://www.infoq.com/news/automl/", "2020-01-01T10:00:00Z"),
		"2020-01-02-automl.md": article("Google Cloud releases AutoML (updated)", "https://infoq.com/news/automl", "2020-01-02T10:00:00Z"),
		"2020-01-03-automl.md": article("AutoML arrives", "http://infoq.com/news/automl/?utm_source=feed", "2020-01-03T10:00:00Z"),
		// The same title, different query strings: one story.
		"2020-01-01-ccpa.md": article("Computer Vision and the CCPA: What You Need to Know", "https://medium.com/x/ccpa-1", "2020-01-01T09:00:00Z"),
		"2020-01-02-ccpa.md": article("computer vision and the CCPA — what you need to know", "https://medium.com/x/ccpa-1?source=topic", "2020-01-02T09:00:00Z"),
		// Alone.
		"2020-01-02-alone.md": article("A story told only once", "https://example.com/alone", "2020-01-02T11:00:00Z"),
		// Short identical titles are not a story.
		"2020-01-01-news-a.md": article("News", "https://example.com/n1", ""),
		"2020-01-02-news-b.md": article("News", "https://example.com/n2", ""),
	})
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != 8 {
		t.Fatalf("loaded %d, skipped %v", lib.Len(), lib.Skipped())
	}
	byTitle := map[string]*Article{}
	for _, a := range lib.Articles() {
		byTitle[a.Title] = a
	}
	oldest := byTitle["Google Cloud releases AutoML"]
	story := savesOf(lib, oldest.ID)
	if got, want := titles(story), []string{"AutoML arrives", "Google Cloud releases AutoML (updated)", "Google Cloud releases AutoML"}; !slices.Equal(got, want) {
		t.Errorf("Story(automl) = %q, want %q (newest first)", got, want)
	}
	ids := map[string]bool{}
	for _, a := range story {
		if a.FirstSaveID != oldest.ID {
			t.Errorf("%q: Story = %q, want the oldest member's ID %q", a.Title, a.FirstSaveID, oldest.ID)
		}
		ids[a.ID] = true
	}
	// Copies of one URL share the URL's ID, and so their reading state
	// (issue 11).
	if len(ids) != 1 || !ids[URLID("https://infoq.com/news/automl")] {
		t.Errorf("the three copies of one URL have IDs %v, want the URL's", ids)
	}
	for _, id := range []string{byTitle["AutoML arrives"].ID, oldest.FirstSaveID} {
		if got := titles(savesOf(lib, id)); len(got) != 3 {
			t.Errorf("Story(%q) = %q, want all three", id, got)
		}
	}

	ccpa := byTitle["Computer Vision and the CCPA: What You Need to Know"]
	if got := len(savesOf(lib, ccpa.ID)); got != 2 {
		t.Errorf("CCPA story has %d members, want 2", got)
	}
	alone := byTitle["A story told only once"]
	if alone.FirstSaveID != alone.ID || len(savesOf(lib, alone.ID)) != 1 {
		t.Errorf("a story of one: Story = %q (ID %q), members %d", alone.FirstSaveID, alone.ID, len(savesOf(lib, alone.ID)))
	}
	for _, a := range lib.Articles() {
		if a.Title == "News" && a.FirstSaveID != a.ID {
			t.Errorf("short title %q grouped into story %q", a.Title, a.FirstSaveID)
		}
	}
	if savesOf(lib, "000000000000") != nil || lib.ByID("000000000000") != nil {
		t.Error("unknown ID found something")
	}

	// Finish again (after more batches) gives the same groups.
	before := map[string]string{}
	for _, a := range lib.Articles() {
		before[a.ID] = a.FirstSaveID
	}
	lib.Finish()
	for _, a := range lib.Articles() {
		if a.FirstSaveID != before[a.ID] {
			t.Errorf("second Finish moved %q from story %q to %q", a.Title, before[a.ID], a.FirstSaveID)
		}
	}
}

func TestLibraryAddBatchesInOrder(t *testing.T) {
	lib := NewLibrary()
	a := &Article{ID: "a", Title: "a"}
	b := &Article{ID: "b", Title: "b"}
	lib.Add(Batch{Articles: []*Article{a}, Found: 3})
	lib.Add(Batch{Articles: []*Article{b}, Skipped: []Problem{{Path: "c.md", Reason: "bad"}}, Found: 3, Done: true})
	lib.Finish()
	if lib.Len() != 2 || lib.Found() != 3 || len(lib.Skipped()) != 1 {
		t.Errorf("Len %d Found %d Skipped %v", lib.Len(), lib.Found(), lib.Skipped())
	}
	if lib.ByID("b") != b || a.FirstSaveID != "a" {
		t.Errorf("ByID(b) = %v, a.FirstSaveID = %q", lib.ByID("b"), a.FirstSaveID)
	}
}

// TestLinkWritesNothingUntilWrite: Link may run beside a goroutine that
// reads the articles, so only Write may change them.
func TestLinkWritesNothingUntilWrite(t *testing.T) {
	newer := &Article{ID: "b", FirstSaveID: "b", Title: "Google Cloud releases AutoML", Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}
	older := &Article{ID: "a", FirstSaveID: "a", Title: "Google Cloud releases AutoML", Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	lib := NewLibrary()
	lib.Add(Batch{Articles: []*Article{newer, older}})
	links := lib.Link()
	if newer.FirstSaveID != "b" {
		t.Fatalf("Link wrote FirstSaveID %q before Write", newer.FirstSaveID)
	}
	links.Write()
	if newer.FirstSaveID != "a" || older.FirstSaveID != "a" {
		t.Errorf("after Write: newer %q, older %q, want both \"a\"", newer.FirstSaveID, older.FirstSaveID)
	}
}
