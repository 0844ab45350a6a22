package feed

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// TestCompactCopiesEveryString fills every string of an Article, by
// reflection, with slices of one buffer, as a zero-copy parser would, and
// checks that after compactSummary no string still points into it. The
// loader reuses its read buffer for the next file, so a forgotten field
// (say, one added to Article later) would silently change under the user.
func TestCompactCopiesEveryString(t *testing.T) {
	buf := []byte(strings.Repeat("abcdefghij", 200))
	base := unsafe.String(&buf[0], len(buf))
	off := 0
	next := func() string {
		off += 7
		return base[off : off+5]
	}
	a := &Article{}
	fillStrings(reflect.ValueOf(a).Elem(), next)
	a.Summarize()
	compactSummary(a, &textArena{}, newSharedText())

	lo := uintptr(unsafe.Pointer(&buf[0]))
	hi := lo + uintptr(len(buf))
	walkStrings(reflect.ValueOf(a).Elem(), "Article", func(path, s string) {
		if path == "Article.Path" {
			return // set by the loader from the walk, after compacting
		}
		if s == "" {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if p >= lo && p < hi {
			t.Errorf("%s still points into the read buffer", path)
		}
	})
}

// fillStrings sets every settable string in v (through structs, slices of
// strings and slices of structs) to a fresh value from next.
func fillStrings(v reflect.Value, next func() string) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(next())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillStrings(v.Field(i), next)
		}
	case reflect.Slice:
		if v.CanSet() && v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 3, 3))
		}
		for i := range v.Len() {
			fillStrings(v.Index(i), next)
		}
	}
}

func walkStrings(v reflect.Value, path string, f func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		f(path, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			walkStrings(v.Field(i), path+"."+v.Type().Field(i).Name, f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), path+"[]", f)
		}
	}
}

func TestCompactKeepsValues(t *testing.T) {
	a := &Article{
		ID: "0123456789ab", Title: "A title", Excerpt: "An excerpt", Category: "news", Type: "article",
		OriginalURL: "https://example.com/a", WebURL: "https://example.com/a",
		Provider: Provider{Name: "Wire", Domain: "wire.example"}, Topics: []string{"AI", "Robots"},
		Tags: []string{"t1", "t2"},
	}
	a.SetRelatedTitles(NewTitles("r1", "r2"))
	a.addWarning("w")
	a.SetRelatedIDs([]string{"aaaaaaaaaaaa"})
	want := *a
	want.FirstSaveID = a.ID // a summary is its own story until Library.Finish says otherwise
	want.Topics = append([]string(nil), a.Topics...)
	want.Tags = append([]string(nil), a.Tags...)
	st := newSharedText()
	compactSummary(a, &textArena{}, st)
	if got := a.RelatedIDList(); !reflect.DeepEqual(got, []string{"aaaaaaaaaaaa"}) {
		t.Errorf("RelatedIDList = %q after packing", got)
	}
	if got := a.RelatedTitles().List(); !reflect.DeepEqual(got, []string{"r1", "r2"}) || a.titles == nil {
		t.Errorf("RelatedTitles = %q after packing, shared %v", got, a.titles != nil)
	}
	if got := a.Warnings(); !reflect.DeepEqual(got, []string{"w"}) {
		t.Errorf("Warnings = %q after packing", got)
	}
	want.SetRelatedTitles(a.RelatedTitles()) // the same titles, now shared
	if !reflect.DeepEqual(*a, want) {
		t.Errorf("compactSummary changed values:\n got %+v\nwant %+v", *a, want)
	}
	// Repeated short values are shared between articles.
	b := &Article{Provider: Provider{Name: "Wire"}}
	compactSummary(b, &textArena{}, st)
	if unsafe.StringData(b.Provider.Name) != unsafe.StringData(a.Provider.Name) {
		t.Error("provider names are not interned")
	}
}

// TestCachedArticleKeepsNoSnapshotBuffer is the warm-start twin of
// TestCompactCopiesEveryString: an article decoded from the snapshot
// and packed must not keep the snapshot file's buffer alive.
func TestCachedArticleKeepsNoSnapshotBuffer(t *testing.T) {
	a := &Article{}
	n := 0
	fillAll(reflect.ValueOf(a).Elem(), &n)
	a.Summarize()
	table := newStringTable()
	buf := appendArticle(nil, a, a.ID, table)
	x := &snapshot{entries: make([]cacheEntry, 1), tables: table.decoded()}
	x.decodeRecords(unsafe.String(&buf[0], len(buf)), []recordSpan{{0, len(buf)}}, nil)
	got := x.entries[0].art
	if got == nil {
		t.Fatal("the record did not decode")
	}
	lo := uintptr(unsafe.Pointer(&buf[0]))
	hi := lo + uintptr(len(buf))
	walkStrings(reflect.ValueOf(got).Elem(), "Article", func(path, s string) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); s != "" && p >= lo && p < hi {
			t.Errorf("%s still points into the index buffer", path)
		}
	})
}
