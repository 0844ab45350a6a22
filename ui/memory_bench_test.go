package ui

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/benchcorpus"
	"github.com/herald-reader/herald/internal/gcpace"
)

// The reader's memory at 100,000 articles (issue 16) is measured in a
// child process, the test binary run again, so that the figures are the
// load's alone: its peak and what it keeps, as the kernel counts them
// (VmHWM and VmRSS), not what this process allocated for the corpus or
// for other benchmarks. The child loads the library through the model,
// as the reader does: batches, search index, linking, stories, rows.
//
//	go test -run '^$' -bench ReaderMemory -benchtime 1x ./ui/
//
// With HERALD_MEMPROFILE=FILE the child also writes a heap profile of
// the loaded reader (warm start) to FILE, for `go tool pprof`.
const (
	memoryChildEnv  = "HERALD_UI_MEMORY_CHILD" // the corpus the child loads
	memoryCacheEnv  = "HERALD_UI_MEMORY_CACHE" // its cache directory
	memoryProfileTo = "HERALD_MEMPROFILE"
)

// memoryFigures are a child's measurements, in MB.
type memoryFigures struct {
	peak     float64 // VmHWM: the most the load held at once
	loaded   float64 // VmRSS once loaded, before any forced collection
	retained float64 // VmRSS after a collection returned free memory
	heap     float64 // live heap after that collection
}

func BenchmarkReaderMemory100k(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc/self/status")
	}
	const n = 100_000
	corpus, cache := b.TempDir(), b.TempDir()
	if err := benchcorpus.Write(corpus, n, 0); err != nil {
		b.Fatal(err)
	}
	cold := runMemoryChild(b, corpus, cache, n) // writes the cache
	var warm memoryFigures
	for b.Loop() {
		warm = runMemoryChild(b, corpus, cache, n)
	}
	b.ReportMetric(cold.peak, "MB-peak-cold")
	b.ReportMetric(warm.peak, "MB-peak-warm")
	b.ReportMetric(warm.loaded, "MB-loaded")
	b.ReportMetric(warm.retained, "MB-retained")
	b.ReportMetric(warm.heap, "MB-heap")
}

// runMemoryChild loads corpus in a child process and returns its figures.
func runMemoryChild(b *testing.B, corpus, cache string, want int) memoryFigures {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), memoryChildEnv+"="+corpus, memoryCacheEnv+"="+cache)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("memory child: %v\n%s", err, out)
	}
	var f memoryFigures
	var loaded int
	for line := range strings.Lines(string(out)) {
		if _, err := fmt.Sscanf(line, "memory: %d articles, peak %f MB, loaded %f MB, retained %f MB, heap %f MB",
			&loaded, &f.peak, &f.loaded, &f.retained, &f.heap); err == nil {
			if loaded != want {
				b.Fatalf("memory child loaded %d articles, want %d", loaded, want)
			}
			return f
		}
	}
	b.Fatalf("memory child printed no figures:\n%s", out)
	return f
}

// readerMemoryChild is the child: it loads corpus into a model as the
// reader does and prints its memory figures (see runMemoryChild).
func readerMemoryChild(corpus, cache string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pace := gcpace.Load()
	loading := feed.Stream(ctx, []feed.Source{feed.Dir(corpus)}, feed.Options{Cache: feed.OpenCache(cache)})
	// Options as internal/cli/tui.go sets them: the loading counter
	// keeps the Loading for the reader's life, and the load's pace of the
	// garbage collector ends when it settles.
	settled := make(chan struct{})
	hs := newHarness(&testing.T{}, 120, 40, nil, withLoader(loading.Batches()), func(o *Options) {
		o.Clustering, o.Found, o.LoaderDone = true, loading.Found, loading.Done()
		o.LoadSettled = func() { pace.Stop(); close(settled) }
	})
	<-loading.Done() // the cache is written
	<-settled
	if hs.m.lib.stories.of == nil || hs.m.lib.index.Len() != hs.m.lib.Len() {
		fmt.Fprintln(os.Stderr, "memory child: the library did not settle (no stories, or the index is behind)")
		return 1
	}
	peak, loaded := procStatusMB("VmHWM"), procStatusMB("VmRSS")
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	retained := procStatusMB("VmRSS")
	if path := os.Getenv(memoryProfileTo); path != "" {
		if err := writeHeapProfile(path); err != nil {
			fmt.Fprintln(os.Stderr, "memory child:", err)
			return 1
		}
	}
	fmt.Printf("memory: %d articles, peak %.1f MB, loaded %.1f MB, retained %.1f MB, heap %.1f MB\n",
		hs.m.lib.Len(), peak, loaded, retained, float64(ms.HeapAlloc)/(1<<20))
	runtime.KeepAlive(hs)
	runtime.KeepAlive(loading) // as the reader waits for it before exiting
	return 0
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// procStatusMB reads a "VmXXX: N kB" line of /proc/self/status, in MB.
func procStatusMB(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return -1
			}
			return kb / 1024
		}
	}
	return -1
}
