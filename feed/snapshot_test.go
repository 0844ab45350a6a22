package feed

import (
	"reflect"
	"testing"
	"time"
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
	// A summary keeps its related IDs packed (see compactSummary).
	a.relIDs, a.RelatedIDs = packIDs([]string{"0123456789ab", "fedcba987654"}), nil
	a.titleHash, a.day, a.mtime, a.src = 0xdeadbeef, 7, 9, &Source{root: "lib"}
	// Every field a summary keeps must be set, or a field the record
	// forgets would round-trip as the zero it started as.
	cleared := map[string]bool{"Images": true, "Related": true, "Detail": true, "Full": true, "RelatedIDs": true}
	v := reflect.ValueOf(a).Elem()
	for i := range v.NumField() {
		if f := v.Type().Field(i); !cleared[f.Name] && v.Field(i).IsZero() {
			t.Errorf("field %s is zero: fillAll does not set its kind (%s)", f.Name, f.Type)
		}
	}
	table := newStringTable()
	got, err := decodeArticle(string(appendArticle(nil, a, a.ID, table)), table.decoded())
	if err != nil {
		t.Fatal(err)
	}
	// Fields the loader sets from the walk and the stat, not the record.
	got.FirstSaveID, got.Path, got.Rel, got.Size, got.mtime = a.FirstSaveID, a.Path, a.Rel, a.Size, a.mtime
	got.src, got.day = a.src, a.day
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
		if _, err := decodeArticle(rec[:i], table.decoded()); err == nil {
			t.Errorf("a record cut to %d of %d bytes decoded", i, len(rec))
		}
	}
	if _, err := decodeArticle(rec+"x", table.decoded()); err == nil {
		t.Error("a record with a trailing byte decoded")
	}
	if _, err := decodeArticle(rec, recordTables{}); err == nil {
		t.Error("a record referring to a missing table entry decoded")
	}
}

// FuzzSnapshot feeds arbitrary bytes to the snapshot decoders: they may reject
// anything but must never panic or allocate without bound.
func FuzzSnapshot(f *testing.F) {
	a := &Article{ID: "0123456789ab", Title: "Title", Topics: []string{"AI"}, RelatedIDs: []string{"x"}}
	rec := appendArticle(nil, a, a.ID, newStringTable())
	f.Add(rec)
	body := appendStr(appendStr([]byte{1}, "/lib"), "")
	f.Add(body)
	f.Add([]byte{1, 4, '/', 'l', 'i', 'b', 1, 0, 3, 'a', '.', 'm', 'd', 2, 4, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeArticle(string(data), recordTables{strs: []string{"AI", "x"}, lists: [][]string{{"AI"}}})
		if x, err := parseSnapshot(string(data), []string{"/lib"}); err == nil {
			for _, e := range x.entries {
				if !e.problem {
					decodeArticle(e.rec, x.tables)
				}
			}
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
		got, err := decodeArticle(string(appendArticle(nil, a, "", table)), table.decoded())
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
	rt := recordTables{strs: t.strs}
	for _, refs := range t.refs {
		l := make([]string, len(refs))
		for i, r := range refs {
			l[i] = t.strs[r-1]
		}
		rt.lists = append(rt.lists, l)
	}
	return rt
}
