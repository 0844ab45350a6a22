package feed

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
	"github.com/herald-reader/herald/internal/htmltext"
	"github.com/herald-reader/herald/internal/textsafe"
)

// MaxFileBytes caps the bytes read from one article file. Real articles
// are under 20 KiB; anything larger is not an article (or is hostile).
const MaxFileBytes = 1 << 20

// ParseError is why a file could not be used as an article. Line is the
// 1-based line in the file, 0 when unknown. Reason is short and safe to
// print.
type ParseError struct {
	Line   int
	Reason string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// Parse reads one article file: YAML front matter between "---" lines,
// then a Markdown body. path is only used for the date (and title) in the
// file name, which are the fallbacks for a missing or unreadable date (or
// title). It returns the full article (Full reports true), every string
// sanitised (see textsafe.Sanitize), ID set from the article URL when it has one.
// Fields that cannot be read are left empty with a warning in Warnings;
// the error, a *ParseError, is for files that are not articles at all:
// binary data, no or unterminated front matter, YAML that does not parse
// or is not a mapping, over MaxFileBytes or over the decoding limits.
// Parse never panics and its time and memory are bounded by len(data).
func Parse(path string, data []byte) (*Article, error) {
	return parse(path, data, parseOptions{full: true})
}

// ParseSummary is Parse without the detail fields, which it skips instead
// of building, and with the body's words instead of the body (Full
// reports false, as if Summarize had been called): it is what a loader of
// thousands of files wants.
func ParseSummary(path string, data []byte) (*Article, error) {
	return parse(path, data, parseOptions{})
}

// parseOptions select what parse builds and how.
type parseOptions struct {
	full   bool // keep the detail fields
	noFast bool // always decode with yaml.v3 (tests and benchmarks compare the two)
	// dec, when set, decodes the front matter in the memory of the last
	// file's (see frontmatter.Decoder): a loader's worker owns one.
	dec *frontmatter.Decoder
	// borrow: the strings of the article returned may point into data;
	// the caller copies all it keeps (compactSummary does).
	borrow bool
}

func parse(path string, data []byte, opt parseOptions) (*Article, error) {
	if len(data) > MaxFileBytes {
		return nil, &ParseError{Reason: fmt.Sprintf("file too large (over %d KiB)", MaxFileBytes>>10)}
	}
	// Only the front matter decides whether a file is an article: a NUL
	// there makes it binary, one in the body is cleaned away.
	nul := bytes.IndexByte(data, 0)
	dec := opt.dec
	if dec == nil {
		dec = &frontmatter.Decoder{}
	}
	t, body, ferr := dec.Decode(data, !opt.noFast)
	if nul >= 0 && (ferr != nil || nul < len(data)-len(body)) {
		return nil, &ParseError{Line: lineAt(data, nul), Reason: "binary data (a NUL byte), not an article"}
	}
	if ferr != nil {
		return nil, &ParseError{Line: ferr.Line, Reason: ferr.Reason}
	}
	a := &Article{Path: path}
	if opt.full {
		a.Detail = &ArticleDetail{}
	}
	x := extractor{t: t, a: a, path: path, full: opt.full, borrow: opt.borrow}
	x.article()
	if i := firstControl(body); i >= 0 {
		x.warn(lineAt(data, len(data)-len(body)+i), "body holds control characters or invalid UTF-8; cleaned")
	}
	text := x.markdownBody(body)
	if opt.full {
		a.Detail.Body = text
	} else {
		a.words = packedWords(text)
	}
	a.ID = URLID(a.URL())
	return a, nil
}

// markdownBody is the body after the front matter as an article keeps it:
// sanitised, Markdown (see bodyText), without blank lines around it.
func (x *extractor) markdownBody(body []byte) string {
	return strings.TrimRight(strings.TrimLeft(x.bodyText(textsafe.Sanitize(string(body))), "\n"), " \n")
}

// bodyText is the body as Markdown: an HTML body (detected from its
// text, see htmltext.IsHTML) is converted, its links made absolute against
// the article's URL, so that no reader sees raw tags.
func (x *extractor) bodyText(body string) string {
	if !htmltext.IsHTML(body) {
		return body
	}
	md, cut, err := htmltext.ToMarkdown(body, x.a.URL())
	if err != nil {
		x.warn(0, "HTML body could not be converted to Markdown; shown as it is")
		return body
	}
	if cut {
		x.warn(0, "HTML body over %d KiB; the rest is cut", htmltext.MaxBytes>>10)
	}
	return textsafe.Sanitize(md)
}

// lineAt is the 1-based line of data's byte at offset i.
func lineAt(data []byte, i int) int {
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

// firstControl is the offset of the first byte of body that is a control
// character a terminal would act on (C0 but tab, newline and carriage
// return; DEL; C1) or invalid UTF-8, else -1. Tabs and line endings are
// text; textsafe.Sanitize cleans more than this (it hides format
// characters too) without it being worth a warning.
func firstControl(body []byte) int {
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 || r >= 0x80 && r < 0xa0 {
			return i
		}
		i += size
	}
	return -1
}

// DateFromName returns the date a file name starts with
// ("2024-01-29-slug.md" is 2024-01-29, midnight UTC). name may be a path:
// only its last element counts.
func DateFromName(name string) (time.Time, bool) {
	name = filepath.Base(name)
	if len(name) < 10 || len(name) > 10 && name[10] >= '0' && name[10] <= '9' {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", name[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// titleFromName makes a title from a file name's slug:
// "2024-01-29-google-and-hugging-face.md" is "Google and hugging face".
func titleFromName(path string) string {
	name := filepath.Base(path)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	if _, ok := DateFromName(name); ok {
		name = name[10:]
	}
	name = strings.Join(strings.FieldsFunc(textsafe.Line(name), func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), " ")
	if name == "" || name == "." {
		return "Untitled"
	}
	r, size := utf8.DecodeRuneInString(name)
	return textsafe.Clip(string(unicode.ToUpper(r))+name[size:], maxLineField)
}
