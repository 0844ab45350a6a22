package feed

import (
	"testing"
	"unsafe"
)

// TestArticleSizeClass holds Article to 336 bytes: a library keeps up to
// a million of them, a warm start's from slabs (see articleSlab), where
// every 8 bytes cost 8 MB at a million, a parsed one's in the 352-byte
// size class (issue 16; see BenchmarkReaderMemory100k in ui). A field
// that does not fit belongs in ArticleDetail, or packed.
func TestArticleSizeClass(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the budget is for 64-bit systems")
	}
	if got := unsafe.Sizeof(Article{}); got > 336 {
		t.Errorf("Article is %d bytes, over 336", got)
	}
}

// TestSetPathRel: Rel is the end of Path that SetPath was given, and
// nothing when it is not Path's end.
func TestSetPathRel(t *testing.T) {
	var a Article
	a.SetPath("lib/2024/a.md", "2024/a.md")
	if a.Rel() != "2024/a.md" || a.Path != "lib/2024/a.md" {
		t.Errorf("Path %q Rel %q", a.Path, a.Rel())
	}
	a.SetPath("lib/b.md", "2024/a.md")
	if a.Rel() != "" || a.Path != "lib/b.md" {
		t.Errorf("Rel not at the end of Path: Path %q Rel %q", a.Path, a.Rel())
	}
	a.SetPath("lib/2024/a.md", "2024/a.md")
	a.Path = "b.md" // shorter than the Rel it had
	if a.Rel() != "" {
		t.Errorf("Path set directly: Rel %q", a.Rel())
	}
}
