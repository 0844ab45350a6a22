package feed

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/internal/textsafe"
)

// Source is one place articles are loaded from: a directory on disk or a
// file system such as the embedded demo.
type Source struct {
	root string // the directory argument as given, or the FS label
	fsys fs.FS  // nil for a directory on disk
}

// Dir is a directory on disk, walked recursively. Article paths start with
// path exactly as given.
func Dir(path string) Source { return Source{root: path} }

// FS is a file system (the embedded demo, a test's fstest.MapFS) walked
// from its root. Article paths start with label, e.g. "demo/...".
func FS(fsys fs.FS, label string) Source { return Source{root: label, fsys: fsys} }

// display is the path of rel as the user knows it: the root as given, then
// rel. Not filepath.Join, which would clean "./news" into "news". The
// string is a new one, even when it is rel.
func (s *Source) display(rel string) string { return string(s.appendDisplay(nil, rel)) }

// appendDisplay appends display's path of rel to b.
func (s *Source) appendDisplay(b []byte, rel string) []byte {
	if s.fsys == nil {
		rel = filepath.FromSlash(rel)
	}
	sep := "/"
	if s.fsys == nil {
		sep = string(os.PathSeparator)
	}
	root := strings.TrimRight(s.root, sep)
	switch {
	case s.root == "":
		return append(b, rel...)
	case root == "": // the file system root itself
		return append(append(b, sep...), rel...)
	}
	return append(append(append(b, root...), sep...), rel...)
}

// Options tune a load.
type Options struct {
	// Workers is how many files are read and parsed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Cache is the cache that makes reopening an unchanged library
	// parse nothing; nil disables it.
	Cache *Cache
	// Gate, when set, keeps the walk of a warm start waiting after the
	// first batch until the UI has drawn it, and announces the walk's
	// start (see StartGate).
	Gate *StartGate
	// Logf, when set, receives debug messages: what went wrong that the
	// load shrugs off, such as a cache file that could not be written
	// (the next start is then cold). Never the user's output.
	Logf func(format string, args ...any)
}

// maxHold bounds the wait for Options.Gate: a UI that never draws must
// not stop the load.
const maxHold = 250 * time.Millisecond

// Batch is one step of a streamed load. Batches are planned newest first
// by the date in the file names, and each is in library order (see
// Library); a batch whose articles belong before articles already sent (a
// file dated otherwise than it is named) is marked Newer.
type Batch struct {
	Articles []*Article // summaries, newest first
	Skipped  []Problem  // files that could not be used
	// NotArticles are records that are not articles (see isArticle):
	// counted, not listed, not an error.
	NotArticles []Problem
	Found       int  // article files found by the walk, in all batches (0 until it is known)
	Done        bool // the last batch

	// Newer says that some articles of this batch belong before articles
	// of earlier batches, so they must be merged in library order rather
	// than appended. It happens on a warm start after files were saved
	// since the last run (the first batch, answered from the cache before
	// the walk, could not know them), and when a file's publication date
	// is newer than its name says.
	Newer bool

	// rootErr is why a source root could not be read, on the Done batch
	// that reports it in Skipped; Load returns it.
	rootErr error

	// dupOf maps each article of the batch whose URL an earlier article
	// of the stream holds (the same URL saved twice) to that article's
	// ID, so Library.Finish links the two as saves of one article. Rare, so kept
	// here rather than in every Article.
	dupOf map[*Article]string

	// tallied counts the articles of a count's batch (see Count), which
	// carries none.
	tallied int
}

// addProblem lists p with the skipped files or the records that are not
// articles.
func (b *Batch) addProblem(p Problem) {
	if p.notArticle {
		b.NotArticles = append(b.NotArticles, p)
		return
	}
	b.Skipped = append(b.Skipped, p)
}

// Problem is a file that could not be loaded, or a directory that could not
// be walked; or, in the NotArticles lists, a record that is not an article.
type Problem struct {
	Path   string // as found, starting with the directory argument
	Line   int    // 1-based line of the cause; 0 when unknown
	Reason string // short and sanitised
	// notArticle marks a record that parsed but is not an article (see
	// isArticle): it travels with the problems through the loader and
	// the cache, and batches and changes list it apart.
	notArticle bool
}

// notArticleReason is why a record with neither a date nor a link is not
// listed.
const notArticleReason = "not an article: no date and no link"

// isArticle reports whether a parsed record is an article a reader lists:
// it has a date (its own or its file name's) or a link. A site's
// organisations, topics and people are records with neither; anything
// with a title and a date or a link is kept.
func isArticle(a *Article) bool {
	return !a.Published.IsZero() || a.URL() != ""
}

// String is "PATH:LINE: reason" or "PATH: reason", with the path sanitised
// so a hostile file name cannot drive the terminal.
func (p Problem) String() string {
	path := textsafe.Line(p.Path)
	if p.Line > 0 {
		return path + ":" + strconv.Itoa(p.Line) + ": " + p.Reason
	}
	return path + ": " + p.Reason
}

// Load reads a whole library: Stream, then Add every batch to a Library and
// Finish it. It returns an error when a source directory cannot be read.
func Load(ctx context.Context, srcs []Source, opt Options) (*Library, error) {
	lib := NewLibrary()
	if err := Scan(ctx, srcs, opt, lib.Add); err != nil {
		return nil, err
	}
	lib.Finish()
	return lib, nil
}

// Scan reads a whole library as Load does but hands each batch to fn
// instead of keeping a Library: a caller that only counts, or keeps a few
// articles, does not hold them all, their ID map and their links. It
// returns an error when a source directory cannot be read.
func Scan(ctx context.Context, srcs []Source, opt Options, fn func(Batch)) error {
	return scan(ctx, Stream(ctx, srcs, opt), fn)
}

// scan hands each batch of a load to fn (see Scan).
func scan(ctx context.Context, ld *Loading, fn func(Batch)) error {
	done := false
	var rootErr error
	for b := range ld.Batches() {
		rootErr = cmp.Or(rootErr, b.rootErr)
		fn(b)
		done = done || b.Done
	}
	if rootErr != nil {
		return rootErr
	}
	if !done {
		return fmt.Errorf("load: %w", context.Cause(ctx))
	}
	return nil
}

// Detail reads an article's file again and returns the full article (Full
// reports true, detail fields filled), keeping the identity the library gave it:
// ID, FirstSaveID, Path and Rel.
func Detail(a *Article) (*Article, error) {
	data, fi, err := readAgain(a)
	if err != nil {
		return nil, err
	}
	full, err := Parse(a.Path, data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", a.Path, err)
	}
	full.ID, full.FirstSaveID = a.ID, a.FirstSaveID
	full.Path, full.relLen = a.Path, a.relLen
	full.mtime = fi.ModTime().UnixNano()
	full.src, full.day = a.src, a.day
	return full, nil
}

// readAgain reads an article's file again, from where the loader found
// it.
func readAgain(a *Article) (data []byte, fi fs.FileInfo, err error) {
	if a.src != nil && a.src.fsys != nil {
		data, fi, err = readFS(a.src.fsys, a.Rel(), nil)
	} else { // from a directory, or not from a loader: a path on disk
		data, fi, _, err = readOS(a.Path, nil)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", a.Path, err)
	}
	return data, fi, nil
}

// libraryOrder is the one order of articles, everywhere (the library,
// the list with or without a query, the list after live updates): newest
// first by publication date (publishedDateTime, else the date in the file
// name; see Parse), articles with no date at all last, ties by path.
// The file-name date only plans the walk (see sortDays): a site's videos
// or archived news are named otherwise than they are dated.
func libraryOrder(a, b *Article) int {
	if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	if c := b.Published.Compare(a.Published); c != 0 {
		return c
	}
	return cmp.Compare(a.Path, b.Path)
}

// NewestFirst compares two articles in library order (see Library): a
// negative number when a comes first. Sorting with it gives the order the
// library keeps.
func NewestFirst(a, b *Article) int { return libraryOrder(a, b) }

// The walk's files are parsed newest first by file-name date, then by path
// within a day (see Stream): sortDays, then sortPaths.

// sortDays orders entries by file-name date, newest first (undated last),
// keeping the listing order within a day. It sorts (day, index) pairs as
// integers: a comparison sort on the entries took 50 ms at 100,000 files,
// half the time to the first screen; this takes a few.
func sortDays(es []loadEntry) {
	if len(es) < 2 || uint64(len(es)) > math.MaxUint32 {
		slices.SortStableFunc(es, func(a, b loadEntry) int { return cmp.Compare(b.day, a.day) })
		return
	}
	keys := make([]uint64, len(es))
	for i := range es {
		// Flipping the sign bit orders int32 days as uint32; inverting
		// that puts the newest first and noDay last.
		k := ^(uint32(es[i].day) ^ 1<<31)
		keys[i] = uint64(k)<<32 | uint64(i)
	}
	slices.Sort(keys)
	// Now entry uint32(keys[i]) belongs at i. Move the entries along each
	// cycle of that permutation, rather than into a sorted copy (56 MB at
	// a million files); the days' bits, no longer needed, mark the
	// positions done.
	const done = 1 << 63
	for i := range keys {
		keys[i] = uint64(uint32(keys[i]))
	}
	for i := range keys {
		if keys[i]&done != 0 {
			continue
		}
		first := es[i]
		j := i
		for {
			from := int(keys[j])
			keys[j] |= done
			if from == i {
				es[j] = first
				break
			}
			es[j] = es[from]
			j = from
		}
	}
}

// sortPaths orders each day of entries sorted by sortDays by path. The
// loader does it for the first batch's days at once and for the rest while
// the first batch is parsed.
func sortPaths(es []loadEntry) {
	for lo := 0; lo < len(es); {
		hi := lo + 1
		for hi < len(es) && es[hi].day == es[lo].day {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(es[lo:hi], func(a, b loadEntry) int { return cmp.Compare(a.path, b.path) })
		}
		lo = hi
	}
}
