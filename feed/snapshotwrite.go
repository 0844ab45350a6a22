package feed

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/herald-reader/herald/internal/atomicfile"
)

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
	bw := bufio.NewWriterSize(&cappedWriter{w: tmp, left: limit - cacheHeaderSize}, 1<<16)
	keep := func(i int) bool { return cacheable(&entries[i], &results[i]) }

	// The records first, as they are encoded; the index, which needs
	// their lengths and the whole string table, after them.
	recLens := make([]uint32, len(results))
	table := newStringTable()
	numberTitles(table, results, keep)
	records := &summedWriter{w: bw, sum: crc32.New(castagnoli)}
	var buf []byte
	for i := range results {
		if r := &results[i]; keep(i) && r.a != nil {
			n := len(buf)
			buf = appendArticle(buf, r.a, r.id, table)
			recLens[i] = uint32(len(buf) - n)
			if len(buf) > 1<<15 {
				if err := records.write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
	}
	if err := records.write(buf); err != nil {
		return err
	}

	index := &summedWriter{w: bw, sum: crc32.New(castagnoli)}
	n := 0
	for i := range results {
		if keep(i) {
			n++
		}
	}
	buf = binary.AppendUvarint(buf[:0], uint64(len(roots)))
	for _, r := range roots {
		buf = appendStr(buf, r)
	}
	buf = binary.AppendUvarint(buf, uint64(n))
	flush := func() error {
		if len(buf) <= 1<<15 {
			return nil
		}
		err := index.write(buf)
		buf = buf[:0]
		return err
	}
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
			buf = binary.AppendUvarint(buf, uint64(recLens[i]))
		} else {
			kind := byte(1)
			if r.prob.notArticle {
				kind = 2
			}
			buf = append(buf, kind)
			buf = binary.AppendUvarint(buf, uint64(max(r.prob.Line, 0)))
			buf = appendStr(buf, r.prob.Reason)
		}
		if err := flush(); err != nil {
			return err
		}
	}
	buf = binary.AppendUvarint(buf, table.len())
	if err := table.each(func(s string) error {
		buf = appendStr(buf, s)
		return flush()
	}); err != nil {
		return err
	}
	buf = binary.AppendUvarint(buf, uint64(len(table.refs)))
	for _, refs := range table.refs {
		buf = binary.AppendUvarint(buf, uint64(len(refs)))
		for _, r := range refs {
			buf = binary.AppendUvarint(buf, r)
		}
		if err := flush(); err != nil {
			return err
		}
	}
	if err := index.write(buf); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	binary.LittleEndian.PutUint32(hdr[12:], index.sum.Sum32())
	binary.LittleEndian.PutUint32(hdr[16:], records.sum.Sum32())
	binary.LittleEndian.PutUint32(hdr[20:], uint32(records.n))
	if _, err := tmp.WriteAt(hdr[12:], 12); err != nil {
		return err
	}
	return tmp.Commit()
}

// summedWriter writes one part of a cache file (the records, the index),
// keeping its checksum and length.
type summedWriter struct {
	w   io.Writer
	sum hash.Hash32
	n   int64
}

func (s *summedWriter) write(p []byte) error {
	s.sum.Write(p)
	s.n += int64(len(p))
	_, err := s.w.Write(p)
	return err
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
