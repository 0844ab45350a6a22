// Package feed owns Herald's article model: it turns article files (Markdown
// with YAML front matter, the "A.I. Every Day" format) into Articles and
// directories into a Library. It knows nothing about terminals: it takes
// paths or an fs.FS and returns data and errors; it never prints.
//
// Loading streams (Stream, Load): batches of summaries, newest first, the
// first from the cache before the directories are walked. Stream and Watch
// return at once and report trouble as data on their channels. A UI and
// the loader meet at start-up through one StartGate: the UI opens it when
// its first screen is drawn, the walk waits for that, and the watcher
// waits for the walk.
package feed

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Image is one picture attached to an article, a provider or a related story.
type Image struct {
	URL      string
	Width    int
	Height   int
	Title    string
	IsCached bool
}

// Provider is the outlet that published an article.
type Provider struct {
	Name   string
	Domain string
}

// Related is a related story listed inside an article's front matter.
type Related struct {
	Title        string
	Excerpt      string
	Published    time.Time // UTC; zero when unknown or unparsable
	WebURL       string
	AmpWebURL    string
	CDNAmpWebURL string
	Type         string
	Provider     Provider
	// ProviderImages are the provider's images (provider.images).
	ProviderImages []Image
	Quality        int
	Images         []Image
}

// ArticleDetail holds the fields only the detail view needs, behind one
// pointer so that a summary (Detail nil, see Article.Full) does not pay
// for them.
type ArticleDetail struct {
	Body            string // Markdown after the front matter
	Images          []Image
	Related         []Related
	AmpWebURL       string
	CDNAmpWebURL    string
	ProviderImages  []Image // provider.images
	FeaturedContent string  // opaque, flattened to sanitised text
}

// Article is one article file. Every text field has been sanitised on
// ingest (see textsafe.Sanitize), so no field holds a control character.
//
// Articles in a Library are summaries (Full reports false): they keep
// what the list, search, state and scripts need and drop the bulky detail
// fields (Detail: the body, images, related stories), which the function
// Detail reads back from the file when an article is opened; of the body
// they keep its words, for search (see BodyWords). The struct is held to
// 336 bytes (TestArticleSizeClass): loaded articles have a memory budget
// (see bench_test.go), and every field costs a million times over.
type Article struct {
	// ID is the stable identity: a short hash of the normalised canonical
	// URL (originalUrl, else webUrl), else of the file name (see PathID),
	// the same whichever folders are opened. Copies of one URL share it.
	// It keys read state and matches related stories to articles.
	ID string
	// FirstSaveID is the ID of the first save of this article: the oldest
	// article with the same canonical URL or the same title key, the one
	// story saved again on other days (see Library.Finish). Equal to ID for
	// an article saved once. `herald list` prints it as "story"; the
	// stories the list shows are feed/story's, which build on it.
	FirstSaveID string
	// Path is the file's path as found: it starts with the directory
	// argument the library was loaded from. Its end is the path under the
	// library root (see Rel).
	Path string

	Category    string
	Title       string
	Excerpt     string
	Published   time.Time // UTC; zero when unknown
	OriginalURL string
	WebURL      string
	Type        string
	Quality     int32 // int32, not int: two fit in one word of a struct held 100,000 times
	Heat        int32
	Provider    Provider
	Topics      []string
	Tags        []string
	// words is what a summary keeps of its body (see BodyWords), with a
	// space at the end when cut: a flag of its own would take the struct
	// to the next size class.
	words string
	// Detail holds the fields only a full article has (see Full). Next
	// to words: a search reads both, one cache line for 100,000 articles.
	Detail *ArticleDetail

	// RelatedCount is len(related) in the file, kept in summaries.
	RelatedCount int32
	// relLen is the length of Rel at the end of Path (see SetPath): a
	// second string header would cost 16 bytes an article. 32 bits share
	// a word with RelatedCount.
	relLen uint32
	// related packs the IDs (see URLID) of the related stories' URLs (six
	// bytes an ID, see packIDs), their titles and the parse warnings (see
	// related.go): read them with RelatedKeys, RelatedIDList,
	// RelatedTitles and Warnings. titles is the table the titles refer to
	// (see Titles), nil when they are the article's own.
	related string
	titles  *titleTable

	// mtime is the modification time of the file version this was
	// parsed from (see ModTime): Unix nanoseconds, 0 when unknown.
	mtime int64

	// Set by the loader (load.go), not read from the file: the source that
	// Detail reads the file from again, and the file-name date that plans
	// the walk (days since 1970, noDay when the name has none).
	src *Source
	day int32
	// titleHash is the hash of the title's key for linking saves (see
	// titleHashOf), kept in the cache so a warm start does not normalise
	// 100,000 titles again; 0 when not computed yet. 32 bits fill the
	// word day leaves: equal hashes are checked by comparing the keys.
	titleHash uint32
}

// Full reports whether a is a full article, as Parse and Detail return
// them, with its detail fields; a summary has none (see Article).
func (a *Article) Full() bool { return a.Detail != nil }

// Rel is the path of the file under its library root, slash-separated:
// the end of Path that SetPath was given, "" when unknown. Set Path with
// SetPath: a Path assigned alone keeps the old length (and a shorter one
// gives "").
func (a *Article) Rel() string {
	n := int(a.relLen)
	if n > len(a.Path) {
		return ""
	}
	return filepath.ToSlash(a.Path[len(a.Path)-n:])
}

// SetPath sets Path, and Rel as its end: rel, slash-separated, must be
// path's end, as it is or with the system's separators (as the loader
// builds paths, see Source.display); otherwise Rel is left empty.
func (a *Article) SetPath(path, rel string) {
	a.Path, a.relLen = path, 0
	if len(rel) > len(path) || uint64(len(rel)) > math.MaxUint32 {
		return
	}
	if end := path[len(path)-len(rel):]; end == rel || end == filepath.FromSlash(rel) {
		a.relLen = uint32(len(rel))
	}
}

// URL is the link that opens the article: originalUrl, else webUrl, else "".
func (a *Article) URL() string {
	if a.OriginalURL != "" {
		return a.OriginalURL
	}
	return a.WebURL
}

// WarningProblems returns a's warnings as problems at its path, the line
// taken from the "line N: " the parser starts a warning with.
func (a *Article) WarningProblems() []Problem {
	warnings := a.Warnings()
	if len(warnings) == 0 {
		return nil
	}
	out := make([]Problem, len(warnings))
	for i, w := range warnings {
		out[i] = Problem{Path: a.Path, Reason: w}
		if rest, ok := strings.CutPrefix(w, "line "); ok {
			if num, msg, ok := strings.Cut(rest, ": "); ok {
				if n, err := strconv.Atoi(num); err == nil && n > 0 {
					out[i].Line, out[i].Reason = n, msg
				}
			}
		}
	}
	return out
}

// ModTime is the modification time of the file version the article was
// read from; zero when unknown.
func (a *Article) ModTime() time.Time {
	if a.mtime == 0 {
		return time.Time{}
	}
	return time.Unix(0, a.mtime)
}

// RelatedIDList returns the IDs (see URLID) of the related stories' URLs,
// in the file's order; nil when there are none.
func (a *Article) RelatedIDList() []string {
	var out []string
	for k := range a.RelatedKeys {
		out = append(out, keyID(k))
	}
	return out
}

// Day is the date in the file name (days since 1970, UTC), set by the
// loader; false when the name has none or the article was not loaded from
// a library.
func (a *Article) Day() (int32, bool) {
	return a.day, a.src != nil && a.day != noDay
}

// Summarize drops the detail fields in place, the body but for its words
// (see Article).
func (a *Article) Summarize() {
	if a.Detail != nil && a.Detail.Body != "" {
		a.words = packedWords(a.Detail.Body)
	}
	a.Detail = nil
}

// BodyWords returns what a summary keeps of its body, for search: its
// distinct words (runs of characters between ASCII white space, ASCII
// letters lower-cased), sorted, joined by single spaces, at most
// MaxBodyWords bytes; cut reports that the body had more words than
// those, which come first in it. A full article has its body instead
// (Detail.Body) and returns "".
func (a *Article) BodyWords() (words string, cut bool) {
	return strings.CutSuffix(a.words, " ")
}

// clampInt32 narrows a number to int32, saturating, for Quality and Heat:
// they are small scores, and a file's absurd value must not wrap around
// (the extractor and the cache's record both narrow with it).
func clampInt32(v int64) int32 {
	return int32(min(max(v, math.MinInt32), math.MaxInt32))
}
