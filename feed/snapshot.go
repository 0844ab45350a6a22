package feed

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"unsafe"

	"github.com/herald-reader/herald/feed/internal/parallel"
	"github.com/herald-reader/herald/internal/textsafe"
)

// Cache file layout (the snapshot and the head alike) (all integers are varints unless noted):
//
//	header   "HERALDIX" | version uint32 LE | CRC-32C of the index uint32 LE |
//	         CRC-32C of the records uint32 LE | length of the records uint32 LE
//	records  the article records, one after another (see record.go)
//	index    nroots | root... | nentries | entry... | ntable | string... |
//	         nlists | (length | string reference...)...
//	entry    root index | rel | size | mtime (Unix ns) | kind
//	         kind 0: article: the length of its record (the next in records)
//	         kind 1: problem: line | reason
//	         kind 2: not an article: line | reason
//
// Strings are length-prefixed. Values shared by many articles (related
// stories, providers, topics) are in the string table once, and stay
// shared by the decoded articles. The index has its own checksum so that
// a count (see Count), which needs to know which files are articles but
// not what they say, reads it without the records: a tenth of the file.
const (
	snapshotMagic = "HERALDIX"
	// headMagic marks a head file: a snapshot of the first batch only (see
	// head.go), in the same layout.
	headMagic = "HERALDHD"
	// cacheVersion must change whenever the layout, or what the parser
	// and loader put into a summary, changes: a cache file of another version
	// is discarded.
	cacheVersion      = 11
	cacheHeaderSize   = 24
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
	art        *Article // the article record decoded; nil when it did not decode or was not read
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
	// tables are what records refer to, while they are decoded: the
	// articles keep the strings and lists, not the tables (at 100,000
	// articles 5.7 MB of string headers, live until the load ends).
	tables recordTables
	byRel  map[relKey]int32 // built on demand (see cacheRun.lookup)
	// indexOnly: the records were not read (see snapshotIndex), so an
	// article entry's art is nil and says nothing about its record.
	indexOnly bool
	// index is the index of a snapshotIndexLent read, with the length
	// of the records it describes; free gives its bytes back.
	index      string
	recordsLen int
	free       func()
}

func (x *snapshot) buildMap() {
	x.byRel = make(map[relKey]int32, len(x.entries))
	for i, e := range x.entries {
		x.byRel[relKey{e.root, e.rel}] = int32(i)
	}
}

// snapshotPart says how much of a cache file readSnapshot reads.
type snapshotPart int

const (
	snapshotWhole snapshotPart = iota // the index and every record, decoded
	snapshotIndex                     // the index alone: which files are articles, not what they say
	// snapshotIndexLent is the index's bytes, mapped (see mapFile), checked
	// against their checksum and left for the caller to parse (see
	// countIndex) rather than decoded into entries (80 MB at a million
	// files, and 70 MB of paths copied out); the caller gives them back
	// with the snapshot's free, and reads them (readSnapshot too) under
	// debug.SetPanicOnFault.
	snapshotIndexLent
)

// readSnapshot reads and checks a snapshot file (or, with headMagic, a head
// file), whole or its index alone; any doubt discards it.
func readSnapshot(file, magic string, roots []string, part snapshotPart) (*snapshot, error) {
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
	indexSum, recordsSum := binary.LittleEndian.Uint32(hdr[12:]), binary.LittleEndian.Uint32(hdr[16:])
	recordsLen := int64(binary.LittleEndian.Uint32(hdr[20:]))
	if recordsLen > fi.Size()-cacheHeaderSize {
		return nil, errCacheCorrupt
	}
	start := int64(cacheHeaderSize)
	if part != snapshotWhole {
		start += recordsLen
	}
	// Read in one piece, outside the heap, and use it as a string without
	// a copy: parseSnapshot copies out what it keeps (see decodeRecords),
	// so the bytes go back to the system as it returns (the records' as
	// they are decoded), and nothing writes to them after the checksums.
	var body []byte
	var drop func(lo, hi int)
	var free func()
	if part == snapshotIndexLent { // mapped: looked at, not kept (see mapFile)
		if body, free, err = mapFile(f, start, int(fi.Size()-start)); err != nil {
			return nil, errCacheCorrupt
		}
	} else {
		body, drop, free = offHeap(int(fi.Size() - start))
		if _, err := f.ReadAt(body, start); err != nil {
			free()
			return nil, errCacheCorrupt
		}
	}
	lent := false
	defer func() {
		if !lent {
			free()
		}
	}()
	var records []byte
	if part == snapshotWhole {
		records, body = body[:recordsLen], body[recordsLen:]
		if crc32.Checksum(records, castagnoli) != recordsSum {
			return nil, errCacheCorrupt
		}
	}
	if crc32.Checksum(body, castagnoli) != indexSum {
		return nil, errCacheCorrupt
	}
	if part == snapshotIndexLent {
		lent = true
		return &snapshot{indexOnly: true, index: unsafe.String(unsafe.SliceData(body), len(body)), recordsLen: int(recordsLen), free: free}, nil
	}
	x, recs, err := parseIndex(unsafe.String(unsafe.SliceData(body), len(body)), roots, int(recordsLen), part)
	if err != nil {
		return nil, err
	}
	if part == snapshotIndex {
		x.copyKeys()
		return x, nil
	}
	x.decodeRecords(unsafe.String(unsafe.SliceData(records), len(records)), recs, drop) // records start body's mapping
	return x, nil
}

// parseSnapshot decodes a whole cache file's index and records (see
// readSnapshot). drop, when set, gives back the bytes of records[lo:hi]
// once they are decoded (see offHeap).
func parseSnapshot(index, records string, roots []string, drop func(lo, hi int)) (*snapshot, error) {
	x, recs, err := parseIndex(index, roots, len(records), snapshotWhole)
	if err != nil {
		return nil, err
	}
	x.decodeRecords(records, recs, drop)
	return x, nil
}

// parseIndex decodes a cache file's index. recs are where each entry's
// record is in the records (an empty span, where the next starts, for a
// problem); they must add up to recordsLen. The string table is checked, and kept only when the
// records are decoded (part).
func parseIndex(body string, roots []string, recordsLen int, part snapshotPart) (*snapshot, []recordSpan, error) {
	d := cacheDecoder{s: body}
	n, err := d.indexHead(roots)
	if err != nil {
		return nil, nil, err
	}
	x := &snapshot{entries: make([]cacheEntry, n), indexOnly: part != snapshotWhole}
	recs := make([]recordSpan, n)
	off := 0
	for i := range x.entries {
		l, err := d.indexEntry(&x.entries[i], len(roots))
		if err != nil {
			return nil, nil, err
		}
		if l > recordsLen-off {
			return nil, nil, errCacheCorrupt
		}
		recs[i] = recordSpan{off, off + l}
		off += l
	}
	if off != recordsLen {
		return nil, nil, errCacheCorrupt
	}
	if err := x.parseTables(&d); err != nil {
		return nil, nil, err
	}
	return x, recs, nil
}

// indexHead checks the roots at the start of an index and returns how
// many entries follow.
func (d *cacheDecoder) indexHead(roots []string) (int, error) {
	if d.uvarint() != uint64(len(roots)) {
		return 0, errCacheForeign
	}
	for _, r := range roots {
		if d.str() != r {
			return 0, errCacheForeign
		}
	}
	// Every entry takes at least minEntry bytes: a count beyond that is a
	// lie, and must not size an allocation.
	const minEntry = 6
	n := d.uvarint()
	if n > uint64(len(d.s)/minEntry) {
		return 0, errCacheCorrupt
	}
	return int(n), nil
}

// indexEntry decodes the next entry of an index into e (its strings are
// the index's) and returns the length of its record (0 for a problem).
func (d *cacheDecoder) indexEntry(e *cacheEntry, nroots int) (int, error) {
	*e = cacheEntry{}
	root := d.uvarint()
	e.rel = d.str()
	e.key = fileKey{d.varint(), d.varint()}
	if root >= uint64(nroots) {
		return 0, errCacheCorrupt
	}
	e.root = int(root)
	l := uint64(0)
	switch kind := d.byte(); kind {
	case 0:
		l = d.uvarint()
	case 1, 2:
		e.problem, e.notArticle = true, kind == 2
		e.line = int(min(d.uvarint(), 1<<31))
		e.reason = d.str()
	default:
		return 0, errCacheCorrupt
	}
	if d.bad {
		return 0, errCacheCorrupt
	}
	return int(min(l, maxCacheFileBytes+1)), nil // more than any file: the caller refuses it
}

// parseTables reads the string table and topic lists at the end of an
// index. An index read alone keeps neither: nothing is decoded from it.
func (x *snapshot) parseTables(d *cacheDecoder) error {
	body := d.s
	nt := d.uvarint()
	if nt > uint64(len(body)-d.off) { // each string takes at least one byte
		return errCacheCorrupt
	}
	table := make([]string, nt)
	for i := range table {
		table[i] = d.str()
		if !x.indexOnly {
			table[i] = textsafe.Sanitize(table[i]) // see decodeArticle
		}
	}
	if d.bad {
		return errCacheCorrupt
	}
	if !x.indexOnly {
		var ok bool
		if x.tables, ok = newRecordTables(table); !ok { // copies them out of the file
			return errCacheCorrupt
		}
	}
	d.table = table
	nl := d.uvarint()
	if nl > uint64(len(body)-d.off) { // each list takes at least one byte
		return errCacheCorrupt
	}
	var lists [][]string
	if !x.indexOnly {
		lists = make([][]string, nl)
	}
	for i := range nl {
		n := d.uvarint()
		if d.bad || n == 0 || n > uint64(len(body)-d.off) {
			return errCacheCorrupt
		}
		if x.indexOnly {
			for range n {
				d.ref()
			}
			continue
		}
		l := make([]string, n)
		for j := range l {
			l[j] = d.ref()
		}
		lists[i] = l
	}
	if d.bad || d.off != len(body) {
		return errCacheCorrupt
	}
	x.tables.lists = lists
	return nil
}

// recordSpan is where a record is in a cache file's records.
type recordSpan struct{ lo, hi int }

// decodeRecords decodes the article records (recs, by entry, in records)
// and copies the paths and reasons out of the file's bytes, on all cores,
// so that the bytes are garbage once readSnapshot returns. The loader used
// to decode each record when the walk reached its file, which kept the
// whole file (86 MB at 100,000 articles) live until the end of the load,
// and the collector's headroom doubled that. A record that does not decode
// leaves art nil: its file is parsed instead. With drop set, each worker
// gives back the records it has decoded every dropEvery bytes, so that the
// file and the summaries made from it are not resident together: at
// 100,000 articles that set the warm start's peak (86 MB of file next to
// the 170 MB library).
func (x *snapshot) decodeRecords(records string, recs []recordSpan, drop func(lo, hi int)) {
	const dropEvery = 1 << 20
	table := newTableStrings(x.tables.strs)
	titles := newRepeatedText(func(a *Article) *string { return &a.Title })
	excerpts := newRepeatedText(func(a *Article) *string { return &a.Excerpt })
	parallel.Chunks(len(x.entries), func(_, lo, hi int) {
		if lo == hi {
			return
		}
		var own, keys textArena // own: what the summaries keep; keys: what dies with the snapshot
		var slab articleSlab
		from := recs[lo].lo // a worker's records are one stretch of the file
		for i := lo; i < hi; i++ {
			e := &x.entries[i]
			e.rel = keys.add(e.rel)
			if e.problem {
				e.reason = keys.add(e.reason)
			} else if a := slab.next(hi - i); decodeArticle(records[recs[i].lo:recs[i].hi], x.tables, a) != nil {
				slab.unused(a) // its file is parsed instead
			} else {
				e.art = a
				if title, ok := table.find(a.Title); ok {
					a.Title = title
				} else {
					titles.share(x.entries, i, &own)
				}
				excerpts.share(x.entries, i, &own)
				packOwnText(a, &own) // topics are the table's shared lists already
			}
			if to := recs[i].hi; drop != nil && (to-from >= dropEvery || i == hi-1) {
				drop(from, to)
				from = to
			}
		}
	})
	x.tables = recordTables{}
}

// copyKeys copies the paths and reasons of an index read alone out of
// the file's bytes (see decodeRecords).
func (x *snapshot) copyKeys() {
	parallel.Chunks(len(x.entries), func(_, lo, hi int) {
		var keys textArena
		for i := lo; i < hi; i++ {
			e := &x.entries[i]
			e.rel = keys.add(e.rel)
			e.reason = keys.add(e.reason)
		}
	})
}
