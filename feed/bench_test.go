package feed

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/benchcorpus"
)

// The loading benchmarks generate their own corpus of seed-like articles
// (about 8 KB of front matter with eight related stories, like
// ../shared/tools/gen writes) and compare each load with a floor measured
// on the same files in the same run: listing the directory and reading
// every file with as many goroutines as the loader uses. The ratios are
// what the targets are about; absolute times depend on the machine.
//
//	go test -bench . -run '^$' ./feed/
//
// Targets: cold load of 10,000 files <= 4x the floor; warm load (snapshot
// cache) of 100,000 unchanged files <= 0.5x the floor; memory retained for
// 100,000 articles <= 150 MB.

// genCorpus writes n articles into a fresh temporary directory.
func genCorpus(b *testing.B, n int) string { return genTree(b, n, 0) }

// genTree writes n articles into a fresh temporary directory, spread over
// folders (see benchcorpus.Write).
func genTree(b *testing.B, n, folders int) string {
	b.Helper()
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, n, folders); err != nil {
		b.Fatal(err)
	}
	return dir
}

// readFloor lists dir and reads every file (see benchcorpus.ReadAll): the
// least any loader has to do to see the articles.
func readFloor(b *testing.B, dir string) int64 {
	n, err := benchcorpus.ReadAll(dir)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// floored runs load in a b.Loop, with a floor run (untimed) before each
// iteration, and reports the mean floor and the load's multiple of it.
// Interleaving the two keeps the ratio honest on a machine whose load
// drifts during the benchmark.
func floored(b *testing.B, dir string, load func()) {
	var floor time.Duration
	iters := 0
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		readFloor(b, dir)
		floor += time.Since(start)
		b.StartTimer()
		load()
		iters++
	}
	b.ReportMetric(float64(floor.Microseconds())/1000/float64(iters), "floor-ms")
	b.ReportMetric(float64(b.Elapsed())/float64(floor), "x-floor")
}

func benchLoad(b *testing.B, dir string, opt Options, want int) *Library {
	lib, err := Load(context.Background(), []Source{Dir(dir)}, opt)
	if err != nil {
		b.Fatal(err)
	}
	if lib.Len() != want || len(lib.Skipped()) != 0 {
		b.Fatalf("loaded %d articles, skipped %v; want %d", lib.Len(), lib.Skipped(), want)
	}
	return lib
}

func BenchmarkReadFloor(b *testing.B) {
	dir := genCorpus(b, 10_000)
	var n int64
	for b.Loop() {
		n = readFloor(b, dir)
	}
	b.SetBytes(n)
}

func BenchmarkColdLoad10k(b *testing.B) {
	dir := genCorpus(b, 10_000)
	floored(b, dir, func() { benchLoad(b, dir, Options{}, 10_000) })
}

// BenchmarkColdLoadDeepTree is BenchmarkColdLoad10k with the files in
// 2,000 folders, as a site checkout holds them. Target: within 1.5x the
// flat load (issue 11); x-flat is that ratio, the flat load timed
// (untimed by the benchmark) before each iteration of the deep one.
func BenchmarkColdLoadDeepTree(b *testing.B) {
	const n = 10_000
	flat, deep := genCorpus(b, n), genTree(b, n, 2000)
	var flatTime time.Duration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		benchLoad(b, flat, Options{}, n)
		flatTime += time.Since(start)
		b.StartTimer()
		benchLoad(b, deep, Options{}, n)
	}
	b.ReportMetric(float64(b.Elapsed())/float64(flatTime), "x-flat")
}

func BenchmarkWarmLoad100k(b *testing.B) {
	const n = 100_000
	dir := genCorpus(b, n)
	cache := OpenCache(b.TempDir())
	benchLoad(b, dir, Options{Cache: cache}, n) // writes the snapshot
	floored(b, dir, func() { benchLoad(b, dir, Options{Cache: cache}, n) })
	b.ReportMetric(firstBatchMS(b, dir, nil), "first-batch-ms-cold")
	b.ReportMetric(retainedMB(func() *Library { return benchLoad(b, dir, Options{}, n) }), "MB-retained-cold")
	b.ReportMetric(retainedMB(func() *Library { return benchLoad(b, dir, Options{Cache: cache}, n) }), "MB-retained-warm")
}

// BenchmarkFirstBatch100k is the time to the first batch of a library of
// 100,000 files, cold (no cache) and warm (a snapshot of the unchanged
// library, which is still being read when the first batch is due): the top
// of the list that a UI shows at once. Target: the first screen within
// 100 ms (issue 3), of which this is most.
func BenchmarkFirstBatch100k(b *testing.B) {
	const n = 100_000
	dir := genCorpus(b, n)
	cache := OpenCache(b.TempDir())
	benchLoad(b, dir, Options{Cache: cache}, n) // writes the snapshot
	var cold, warm float64
	iters := 0
	for b.Loop() {
		cold += firstBatchMS(b, dir, nil)
		warm += firstBatchMS(b, dir, cache)
		iters++
	}
	b.ReportMetric(cold/float64(iters), "first-batch-ms-cold")
	b.ReportMetric(warm/float64(iters), "first-batch-ms-warm")
}

// firstBatchMS is how long a load takes to deliver its first batch, the
// top of the list a UI shows at once: the walk, the sort by date and the
// newest files parsed (or found in the cache).
func firstBatchMS(b *testing.B, dir string, cache *Cache) float64 {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	ch := Stream(ctx, []Source{Dir(dir)}, Options{Cache: cache}).Batches()
	if first := <-ch; len(first.Articles) == 0 {
		b.Fatal("empty first batch")
	}
	d := time.Since(start)
	cancel()
	for range ch { // let the workers stop before the next measurement
	}
	return float64(d.Microseconds()) / 1000
}

// retainedMB is the heap a loaded library keeps alive after collection.
func retainedMB(load func() *Library) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	lib := load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(lib)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}
