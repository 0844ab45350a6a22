package feed

import (
	"encoding/binary"
	"strings"
)

// An article's related stories' IDs and titles and its parse warnings are
// packed in one string, Article.related: each is often short or empty,
// and a string or slice header each would take Article past the 352-byte
// size class (100,000 times over). The layout:
//
//	uvarint length | IDs (see packIDs) | uvarint length | warnings | titles
//
// where the warnings are each a uvarint length and the text, and the
// titles are Titles.s, read with Article.titles as their table.

// cutPrefixed splits off the length-prefixed string s starts with.
func cutPrefixed(s string) (first, rest string) {
	n, k := uvarintOf(s)
	if n > uint64(len(s)-k) { // never built so; stop rather than panic
		return "", ""
	}
	return s[k : k+int(n)], s[k+int(n):]
}

func appendPrefixed(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// relatedParts splits a.related.
func (a *Article) relatedParts() (ids, warnings, titles string) {
	if a.related == "" {
		return "", "", ""
	}
	ids, rest := cutPrefixed(a.related)
	warnings, titles = cutPrefixed(rest)
	return ids, warnings, titles
}

// setRelated packs the parts into a.related, in one allocation.
func (a *Article) setRelated(ids, warnings string, titles Titles) {
	a.titles = nil
	if titles.s != "" {
		a.titles = titles.tab
	}
	if ids == "" && warnings == "" && titles.s == "" {
		a.related = ""
		return
	}
	var b strings.Builder
	b.Grow(uvarintLen(uint64(len(ids))) + len(ids) + uvarintLen(uint64(len(warnings))) + len(warnings) + len(titles.s))
	var n [binary.MaxVarintLen64]byte
	b.Write(binary.AppendUvarint(n[:0], uint64(len(ids))))
	b.WriteString(ids)
	b.Write(binary.AppendUvarint(n[:0], uint64(len(warnings))))
	b.WriteString(warnings)
	b.WriteString(titles.s)
	a.related = b.String()
}

// RelatedTitles are the related stories' titles, kept in summaries for
// full-text search; a library's share one table per load (see Titles).
func (a *Article) RelatedTitles() Titles {
	_, _, titles := a.relatedParts()
	return Titles{tab: a.titles, s: titles}
}

// SetRelatedTitles sets the related stories' titles, for a caller
// building an article.
func (a *Article) SetRelatedTitles(t Titles) {
	ids, warnings, _ := a.relatedParts()
	a.setRelated(ids, warnings, t)
}

// SetRelatedIDs sets the related stories' IDs, for a caller building an
// article; what is not an ID (see URLID) is dropped: it cannot match any
// article's ID.
func (a *Article) SetRelatedIDs(ids []string) {
	_, warnings, _ := a.relatedParts()
	a.setRelated(packIDs(ids), warnings, a.RelatedTitles())
}

// Warnings say which fields were degraded while parsing (a date that did
// not parse, a title given as a list, ...). Short, sanitised; nil when
// there are none.
func (a *Article) Warnings() []string {
	_, warnings, _ := a.relatedParts()
	return Titles{s: warnings}.List()
}

// addWarning adds a warning after those a has.
func (a *Article) addWarning(w string) {
	ids, warnings, _ := a.relatedParts()
	a.setRelated(ids, string(appendPrefixed([]byte(warnings), w)), a.RelatedTitles())
}

// WarningCount is len(a.Warnings()), without building the list.
func (a *Article) WarningCount() int {
	_, warnings, _ := a.relatedParts()
	return Titles{s: warnings}.Len()
}
