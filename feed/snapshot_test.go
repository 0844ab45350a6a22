package feed

import (
	"encoding/binary"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// TestRecordRoundTripsEverySummaryField fills every field of an Article by
// reflection, encodes the summary and decodes it. A field added to Article
// but not to the cache record fails here instead of vanishing on warm
// starts.
func TestRecordRoundTripsEverySummaryField(t *testing.T) {
	a := &Article{}
	n := 0
	fillAll(reflect.ValueOf(a).Elem(), &n)
	a.Summarize()
	// The unexported fields, by hand.
	a.SetRelatedIDs([]string{"0123456789ab", "fedcba987654"})
	a.SetPath("lib/2020/a.md", "2020/a.md")
	a.titleHash, a.day, a.mtime, a.src = 0xdeadbeef, 7, 9, &Source{root: "lib"}
	a.words = "body words, cut " // see BodyWords
	a.SetRelatedTitles(NewTitles("title one", "title two"))
	a.addWarning("line 3: a warning")
	a.addWarning("another")
	// Every field a summary keeps must be set, or a field the record
	// forgets would round-trip as the zero it started as. titles: its
	// own titles have no table yet.
	cleared := map[string]bool{"Detail": true, "titles": true}
	v := reflect.ValueOf(a).Elem()
	for i := range v.NumField() {
		if f := v.Type().Field(i); !cleared[f.Name] && v.Field(i).IsZero() {
			t.Errorf("field %s is zero: fillAll does not set its kind (%s)", f.Name, f.Type)
		}
	}
	table := newStringTable()
	got, err := decodeNew(string(appendArticle(nil, a, a.ID, table)), table.decoded())
	if err != nil {
		t.Fatal(err)
	}
	// Fields the loader sets from the walk and the stat, not the record.
	got.FirstSaveID, got.Path, got.relLen, got.mtime = a.FirstSaveID, a.Path, a.relLen, a.mtime
	got.src, got.day = a.src, a.day
	if !slices.Equal(got.RelatedTitles().List(), a.RelatedTitles().List()) || got.titles == nil {
		t.Errorf("related titles %q, shared %v; want %q shared", got.RelatedTitles(), got.titles != nil, a.RelatedTitles())
	}
	got.SetRelatedTitles(a.RelatedTitles()) // the same titles, in the load's table
	if !reflect.DeepEqual(got, a) {
		t.Errorf("round trip lost data:\n got %+v\nwant %+v", got, a)
	}
}

var timeType = reflect.TypeFor[time.Time]()

// fillAll sets every exported field to a distinct non-zero value.
func fillAll(v reflect.Value, n *int) {
	*n++
	switch {
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(time.Date(2020, 1, 2, 3, 4, 5, *n, time.UTC)))
		return
	case !v.CanSet():
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + "-value")
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n * 3))
	case reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n * 5))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fillAll(v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			fillAll(v.Index(i), n)
		}
	}
}

func TestDecodeArticleRejectsDamage(t *testing.T) {
	a := &Article{ID: "0123456789ab", Title: "Title", Topics: []string{"AI"}, Published: time.Unix(1e9, 5).UTC()}
	table := newStringTable()
	rec := string(appendArticle(nil, a, a.ID, table))
	for i := range len(rec) {
		if _, err := decodeNew(rec[:i], table.decoded()); err == nil {
			t.Errorf("a record cut to %d of %d bytes decoded", i, len(rec))
		}
	}
	if _, err := decodeNew(rec+"x", table.decoded()); err == nil {
		t.Error("a record with a trailing byte decoded")
	}
	if _, err := decodeNew(rec, recordTables{}); err == nil {
		t.Error("a record referring to a missing table entry decoded")
	}
}

// FuzzSnapshot feeds arbitrary bytes to the snapshot decoders: they may reject
// anything but must never panic or allocate without bound.
func FuzzSnapshot(f *testing.F) {
	a := &Article{ID: "0123456789ab", Title: "Title", Topics: []string{"AI"}}
	rec := appendArticle(nil, a, a.ID, newStringTable())
	f.Add(rec)
	body := appendStr(appendStr([]byte{1}, "/lib"), "")
	f.Add(body)
	f.Add([]byte{1, 4, '/', 'l', 'i', 'b', 1, 0, 3, 'a', '.', 'm', 'd', 2, 4, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, _ := newRecordTables([]string{"AI", "x"})
		tables.lists = [][]string{{"AI"}}
		decodeNew(string(data), tables)
		parseSnapshot(string(data), "", []string{"/lib"}, nil)
		parseIndex(string(data), []string{"/lib"}, 0, snapshotIndex) // what a count reads
		if len(data) > 0 {
			// Records, then an index that points into them.
			split := int(data[0]) % len(data)
			parseSnapshot(string(data[split:]), string(data[:split]), []string{"/lib"}, nil)
		}
	})
}

func TestRecordSharesURLs(t *testing.T) {
	const web = "https://example.com/a/"
	tests := []struct{ orig, web string }{
		{web, web},
		{"", web},
		{"https://example.com/", web},
		{"https://other.example/", web},
		{web, ""},
	}
	for _, tt := range tests {
		a := &Article{OriginalURL: tt.orig, WebURL: tt.web}
		table := newStringTable()
		got, err := decodeNew(string(appendArticle(nil, a, "", table)), table.decoded())
		if err != nil {
			t.Fatal(err)
		}
		if got.OriginalURL != tt.orig || got.WebURL != tt.web {
			t.Errorf("round trip of %q %q gave %q %q", tt.orig, tt.web, got.OriginalURL, got.WebURL)
		}
	}
}

// decoded is what a reader of a cache file makes of the tables, so a
// test can decode records without writing a file.
func (t *stringTable) decoded() recordTables {
	var strs []string
	t.each(func(s string) error {
		strs = append(strs, s)
		return nil
	})
	rt, ok := newRecordTables(slices.Clone(strs))
	if !ok {
		panic("a test's string table fills a title table")
	}
	for _, refs := range t.refs {
		l := make([]string, len(refs))
		for i, r := range refs {
			l[i] = strs[r-1]
		}
		rt.lists = append(rt.lists, l)
	}
	return rt
}

// TestSnapshotDropsOnlyWhatItDecoded: the records parseSnapshot gives back
// while it decodes (see decodeRecords) are ones nothing reads again:
// overwriting each range as it is dropped, not only its whole pages,
// decodes the same snapshot as keeping the file whole.
func TestSnapshotDropsOnlyWhatItDecoded(t *testing.T) {
	f := newCacheFixture(t)
	// About 4 MB of records: more than one drop (every 1 MB) per decoding
	// worker on up to four cores, so a drop reaching past what its worker
	// decoded spoils records that worker decodes next (with one drop per
	// worker, at its end, it went unseen).
	files := map[string]string{}
	for i := range 1200 {
		var body strings.Builder
		for w := range 450 {
			fmt.Fprintf(&body, "w%dx%d ", i, w)
		}
		files[fmt.Sprintf("bulk/2021-01-%02d-%d.md", 1+i%28, i)] = testArticle{title: fmt.Sprintf("Bulk story %d", i),
			url: fmt.Sprintf("https://example.com/bulk/%d", i), body: body.String()}.render()
	}
	write(t, f.dir, files)
	f.load()
	data, err := os.ReadFile(f.snapshotFile())
	if err != nil {
		t.Fatal(err)
	}
	n := cacheHeaderSize + int(binary.LittleEndian.Uint32(data[20:]))
	whole, err := parseSnapshot(string(data[n:]), string(data[cacheHeaderSize:n]), []string{f.dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	records := data[cacheHeaderSize:n]
	var dropped atomic.Int64 // the workers drop concurrently
	drop := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			records[i] = 'X'
		}
		dropped.Add(int64(hi - lo))
	}
	x, err := parseSnapshot(string(data[n:]), unsafe.String(&records[0], len(records)), []string{f.dir}, drop)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := snapshotView(x), snapshotView(whole); got != want || dropped.Load() == 0 {
		t.Errorf("dropping %d bytes as they were decoded changed the snapshot:\ngot  %s\nwant %s", dropped.Load(), got, want)
	}
}

// snapshotView is everything x's entries hold, as text to compare.
func snapshotView(x *snapshot) string {
	var b strings.Builder
	for _, e := range x.entries {
		fmt.Fprintf(&b, "%q %q ", e.rel, e.reason)
		if e.art != nil {
			a := *e.art
			a.titles = nil // each parse has a table of its own: its titles instead
			fmt.Fprintf(&b, "%+v %q\n", a, e.art.RelatedTitles())
		}
	}
	return b.String()
}

// snapshotBody reads the fixture's snapshot file: its records and index
// (body) and where the index starts in it.
func snapshotBody(t *testing.T, f *cacheFixture) (body []byte, records int) {
	t.Helper()
	data, err := os.ReadFile(f.snapshotFile())
	if err != nil {
		t.Fatal(err)
	}
	return data[cacheHeaderSize:], int(binary.LittleEndian.Uint32(data[20:]))
}

// TestSnapshotKeepsNothingOfTheFile: a decoded snapshot holds no string
// into the file's bytes (see decodeRecords), so those bytes, the whole
// cache file, are garbage as soon as it is read: overwriting them changes
// nothing the snapshot holds.
func TestSnapshotKeepsNothingOfTheFile(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	body, records := snapshotBody(t, f)
	x, err := parseSnapshot(unsafe.String(&body[records], len(body)-records), unsafe.String(&body[0], records), []string{f.dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshotView(x)
	if !strings.Contains(before, "Second cached story") || !strings.Contains(before, "not closed") {
		t.Fatalf("the snapshot lacks the fixture's article or problem:\n%s", before)
	}
	for i := range body {
		body[i] = 'X'
	}
	if after := snapshotView(x); after != before {
		t.Errorf("overwriting the file's bytes changed the snapshot:\nbefore %s\nafter  %s", before, after)
	}
}

// TestSnapshotDropsItsTablesOnceDecoded: the string table and topic lists
// serve the decoding of the records only; the decoded articles hold what
// they need of them. A snapshot lives for the whole load, and its table's
// string headers alone are 5.7 MB at 100,000 articles.
func TestSnapshotDropsItsTablesOnceDecoded(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	body, records := snapshotBody(t, f)
	x, err := parseSnapshot(string(body[records:]), string(body[:records]), []string{f.dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if x.tables.strs != nil || x.tables.lists != nil {
		t.Errorf("the decoded snapshot keeps its tables: %d strings, %d lists", len(x.tables.strs), len(x.tables.lists))
	}
	related := 0
	for _, e := range x.entries {
		if e.art != nil {
			related += e.art.RelatedTitles().Len() + len(e.art.Topics)
		}
	}
	if related == 0 {
		t.Error("no decoded article holds a related title or topic: the fixture tests nothing")
	}
}

// decodeNew decodes a record into a new Article.
func decodeNew(rec string, t recordTables) (*Article, error) {
	a := &Article{}
	if err := decodeArticle(rec, t, a); err != nil {
		return nil, err
	}
	return a, nil
}

// TestRecordAfterABadOneStartsAfresh: a record that fails to decode late
// (here: a trailing byte, found after every field was read) leaves
// nothing behind for the record decoded after it, which comes from the
// same slab: no date, topics or tags it does not have.
func TestRecordAfterABadOneStartsAfresh(t *testing.T) {
	table := newStringTable()
	full := &Article{ID: "0123456789ab", Title: "Bad", Topics: []string{"AI"}, Tags: []string{"t"},
		Published: time.Unix(1e9, 0).UTC()}
	bad := append(appendArticle(nil, full, full.ID, table), 'x')
	good := appendArticle(nil, &Article{ID: "ba9876543210", Title: "Plain"}, "ba9876543210", table)
	records := string(bad) + string(good)
	x := &snapshot{entries: make([]cacheEntry, 2), tables: table.decoded()}
	x.decodeRecords(records, []recordSpan{{0, len(bad)}, {len(bad), len(records)}}, nil)
	if x.entries[0].art != nil {
		t.Fatal("the bad record decoded")
	}
	a := x.entries[1].art
	if a == nil || a.Title != "Plain" || !a.Published.IsZero() || a.Topics != nil || a.Tags != nil {
		t.Errorf("the record after a bad one: %+v", a)
	}
}
