package feed

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unsafe"

	"github.com/herald-reader/herald/feed/internal/parallel"
	"github.com/herald-reader/herald/internal/atomicfile"
	"github.com/herald-reader/herald/internal/textsafe"
)

// Cache file layout (the snapshot and the head alike) (all integers are varints unless noted):
//
//	header   "HERALDIX" | version uint32 LE | CRC-32C of the body uint32 LE
//	body     nroots | root... | nentries | entry... | ntable | string... |
//	         nlists | (length | string reference...)...
//	entry    root index | rel | size | mtime (Unix ns) | kind
//	         kind 0: article record (length-prefixed; see record.go)
//	         kind 1: problem: line | reason
//	         kind 2: not an article: line | reason
//
// Strings are length-prefixed. Values shared by many articles (related
// stories, providers, topics) are in the string table once, and stay
// shared by the decoded articles.
const (
	snapshotMagic = "HERALDIX"
	// headMagic marks a head file: a snapshot of the first batch only (see
	// head.go), in the same layout.
	headMagic = "HERALDHD"
	// cacheVersion must change whenever the layout, or what the parser
	// and loader put into a summary, changes: a cache file of another version
	// is discarded.
	cacheVersion      = 10
	cacheHeaderSize   = 16
	maxCacheFileBytes = 1 << 30
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var (
	errCacheCorrupt = errors.New("cache file corrupt")
	errCacheForeign = errors.New("cache file of another library or version")
)

type cacheEntry struct {
	root       int
	rel        string
	key        fileKey
	problem    bool
	notArticle bool // a problem that is a record, not an article
	line       int
	reason     string   // the problem's reason
	art        *Article // the article record decoded; nil when it did not decode
}

type relKey struct {
	root int
	rel  string
}

// snapshot is a decoded cache file: the summaries of one load, or of its
// first batch (the head). Nothing in it points into the file's bytes (see
// decodeRecords).
type snapshot struct {
	entries []cacheEntry
	tables  recordTables     // what records refer to
	byRel   map[relKey]int32 // built on demand (see cacheRun.lookup)
}

func (x *snapshot) buildMap() {
	x.byRel = make(map[relKey]int32, len(x.entries))
	for i, e := range x.entries {
		x.byRel[relKey{e.root, e.rel}] = int32(i)
	}
}

// readSnapshot reads and checks a snapshot file (or, with headMagic, a head
// file); any doubt discards it.
func readSnapshot(file, magic string, roots []string) (*snapshot, error) {
	f, err := openNoBlock(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() < cacheHeaderSize || fi.Size() > maxCacheFileBytes {
		return nil, errCacheCorrupt
	}
	var hdr [cacheHeaderSize]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		return nil, errCacheCorrupt
	}
	if string(hdr[:8]) != magic || binary.LittleEndian.Uint32(hdr[8:]) != cacheVersion {
		return nil, errCacheForeign
	}
	// Read the body in one piece, outside the heap, and use it as a string
	// without a copy: parseSnapshot copies out what it keeps (see
	// decodeRecords), so the bytes go back to the system as it returns,
	// and nothing writes to them after the checksum.
	body, drop, free := offHeap(int(fi.Size() - cacheHeaderSize))
	defer free()
	if _, err := io.ReadFull(f, body); err != nil {
		return nil, errCacheCorrupt
	}
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(hdr[12:]) {
		return nil, errCacheCorrupt
	}
	return parseSnapshot(unsafe.String(unsafe.SliceData(body), len(body)), roots, drop)
}

// parseSnapshot decodes a snapshot's body. drop, when set, gives back the
// bytes of body[lo:hi] once they are decoded (see offHeap).
func parseSnapshot(body string, roots []string, drop func(lo, hi int)) (*snapshot, error) {
	d := cacheDecoder{s: body}
	if d.uvarint() != uint64(len(roots)) {
		return nil, errCacheForeign
	}
	for _, r := range roots {
		if d.str() != r {
			return nil, errCacheForeign
		}
	}
	// Every entry takes at least minEntry bytes: a count beyond that is a
	// lie, and must not size an allocation.
	const minEntry = 6
	n := d.uvarint()
	if n > uint64(len(body)/minEntry) {
		return nil, errCacheCorrupt
	}
	x := &snapshot{entries: make([]cacheEntry, n)}
	recs := make([]string, n) // the article records, decoded once the table is read
	ends := make([]int, n+1)  // where each entry ends in body, after where the first starts
	ends[0] = d.off
	for i := range x.entries {
		e := &x.entries[i]
		root := d.uvarint()
		e.rel = d.str()
		e.key = fileKey{d.varint(), d.varint()}
		if root >= uint64(len(roots)) {
			return nil, errCacheCorrupt
		}
		e.root = int(root)
		switch kind := d.byte(); kind {
		case 0:
			recs[i] = d.str()
		case 1, 2:
			e.problem, e.notArticle = true, kind == 2
			e.line = int(min(d.uvarint(), 1<<31))
			e.reason = d.str()
		default:
			return nil, errCacheCorrupt
		}
		if d.bad {
			return nil, errCacheCorrupt
		}
		ends[i+1] = d.off
	}
	nt := d.uvarint()
	if nt > uint64(len(body)-d.off) { // each string takes at least one byte
		return nil, errCacheCorrupt
	}
	table := make([]string, nt)
	size := 0
	for i := range table {
		table[i] = textsafe.Sanitize(d.str()) // see decodeArticle
		size += len(table[i])
	}
	if d.bad {
		return nil, errCacheCorrupt
	}
	// The library keeps the shared values, not the rest of the file: copy
	// them out into one allocation of their own.
	var b strings.Builder
	b.Grow(size)
	for _, s := range table {
		b.WriteString(s)
	}
	all, off := b.String(), 0
	for i, s := range table {
		table[i] = all[off : off+len(s)]
		off += len(s)
	}
	x.tables.strs = table
	d.table = table
	nl := d.uvarint()
	if nl > uint64(len(body)-d.off) { // each list takes at least one byte
		return nil, errCacheCorrupt
	}
	x.tables.lists = make([][]string, nl)
	for i := range x.tables.lists {
		n := d.uvarint()
		if d.bad || n == 0 || n > uint64(len(body)-d.off) {
			return nil, errCacheCorrupt
		}
		l := make([]string, n)
		for j := range l {
			l[j] = d.ref()
		}
		x.tables.lists[i] = l
	}
	if d.bad || d.off != len(body) {
		return nil, errCacheCorrupt
	}
	x.decodeRecords(recs, ends, drop)
	return x, nil
}

// decodeRecords decodes the article records (recs, by entry) and copies
// the paths and reasons out of the file's bytes, on all cores, so that
// the bytes are garbage once parseSnapshot returns. The loader used to
// decode each record when the walk reached its file, which kept the whole
// file (86 MB at 100,000 articles) live until the end of the load, and
// the collector's headroom doubled that. A record that does not decode
// leaves art nil: its file is parsed instead. With drop set, each worker
// gives back the bytes it has decoded (entry i is body[ends[i]:ends[i+1]])
// every dropEvery bytes, so that the file and the summaries made from it
// are not resident together: at 100,000 articles that set the warm
// start's peak (86 MB of file next to the 170 MB library).
func (x *snapshot) decodeRecords(recs []string, ends []int, drop func(lo, hi int)) {
	const dropEvery = 1 << 20
	parallel.Chunks(len(x.entries), func(_, lo, hi int) {
		var own, keys textArena // own: what the summaries keep; keys: what dies with the snapshot
		from := ends[lo]
		for i := lo; i < hi; i++ {
			e := &x.entries[i]
			e.rel = keys.add(e.rel)
			if e.problem {
				e.reason = keys.add(e.reason)
			} else if a, err := decodeArticle(recs[i], x.tables); err == nil {
				packOwnText(a, &own) // topics are the table's shared lists already
				e.art = a
			}
			if to := ends[i+1]; drop != nil && (to-from >= dropEvery || i == hi-1) {
				drop(from, to)
				from = to
			}
		}
	})
}

// writeSnapshot writes the snapshot of a finished load atomically: a temporary
// file in the same directory, synced, then renamed over the old one, so a
// crash leaves the old snapshot or the new one, never half of one.
//
// A snapshot that would be larger than limit (at most what readSnapshot
// reads back) is not written: a file it would refuse on every start would
// only cost the time to write it.
func writeSnapshot(file, magic string, limit int64, roots []string, rootOf map[*Source]int, entries []loadEntry, results []loadResult) (err error) {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	removeStaleTemps(dir)
	tmp, err := atomicfile.Create(file, tempPattern)
	if err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	defer tmp.Discard()
	defer func() {
		if err != nil {
			err = fmt.Errorf("write snapshot %s: %w", file, err)
		}
	}()
	var hdr [cacheHeaderSize]byte
	copy(hdr[:], magic)
	binary.LittleEndian.PutUint32(hdr[8:], cacheVersion)
	if _, err := tmp.Write(hdr[:]); err != nil {
		return err
	}
	h := crc32.New(castagnoli)
	capped := &cappedWriter{w: tmp, left: limit - cacheHeaderSize}
	bw := bufio.NewWriterSize(io.MultiWriter(capped, h), 1<<16)

	keep := func(i int) bool { return cacheable(&entries[i], &results[i]) }
	n := 0
	for i := range results {
		if keep(i) {
			n++
		}
	}
	buf := binary.AppendUvarint(nil, uint64(len(roots)))
	for _, r := range roots {
		buf = appendStr(buf, r)
	}
	buf = binary.AppendUvarint(buf, uint64(n))
	var rec []byte
	table := newStringTable()
	for i := range results {
		if !keep(i) {
			continue
		}
		r, e := &results[i], &entries[i]
		buf = binary.AppendUvarint(buf, uint64(rootOf[e.src]))
		buf = appendStr(buf, e.rel)
		buf = binary.AppendVarint(buf, r.key.size)
		buf = binary.AppendVarint(buf, r.key.mtime)
		if r.a != nil {
			buf = append(buf, 0)
			rec = appendArticle(rec[:0], r.a, r.id, table)
			buf = binary.AppendUvarint(buf, uint64(len(rec)))
			buf = append(buf, rec...)
		} else {
			kind := byte(1)
			if r.prob.notArticle {
				kind = 2
			}
			buf = append(buf, kind)
			buf = binary.AppendUvarint(buf, uint64(max(r.prob.Line, 0)))
			buf = appendStr(buf, r.prob.Reason)
		}
		if len(buf) > 1<<15 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(table.strs)))
	for _, s := range table.strs {
		buf = appendStr(buf, s)
		if len(buf) > 1<<15 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(table.refs)))
	for _, refs := range table.refs {
		buf = binary.AppendUvarint(buf, uint64(len(refs)))
		for _, r := range refs {
			buf = binary.AppendUvarint(buf, r)
		}
		if len(buf) > 1<<15 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	binary.LittleEndian.PutUint32(hdr[12:], h.Sum32())
	if _, err := tmp.WriteAt(hdr[12:], 12); err != nil {
		return err
	}
	return tmp.Commit()
}

// errSnapshotTooLarge stops writing a snapshot past its limit.
var errSnapshotTooLarge = errors.New("larger than the cache reads back; not written")

// cappedWriter fails once more than left bytes were written through it.
type cappedWriter struct {
	w    io.Writer
	left int64
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		return 0, errSnapshotTooLarge
	}
	c.left -= int64(len(p))
	return c.w.Write(p)
}

// cacheable reports whether a result goes into the snapshot: a file on disk
// (not an FS source) that did not change while it was read.
func cacheable(e *loadEntry, r *loadResult) bool {
	return e.src.fsys == nil && r.store && (r.a != nil || r.prob != nil)
}

// staleTemp is the age after which a temporary cache file is an orphan: a
// process stopped while writing it (the reader quit during a load) leaves
// it behind, and a snapshot of 100,000 articles is ~90 MB. Writing one takes
// seconds, so a younger one may be another process's, still being written.
const staleTemp = 10 * time.Minute

// tempPattern names the temporary files of a snapshot being written, so
// removeStaleTemps can find the orphans.
const tempPattern = ".index-*.tmp"

// removeStaleTemps deletes orphaned temporary cache files in dir.
func removeStaleTemps(dir string) {
	tmps, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, p := range tmps {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleTemp {
			os.Remove(p)
		}
	}
}
