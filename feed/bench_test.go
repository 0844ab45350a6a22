package feed

import (
	"context"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
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

var benchWords = strings.Fields(`ai model data cloud chip robot vision language agent
	startup market research health finance policy security open source training inference
	google microsoft openai nvidia meta amazon apple ibm hugging face anthropic deepmind`)

var benchProviders = [][2]string{{"Forbes", "forbes.com"}, {"Reuters", "reuters.com"},
	{"TechCrunch", "techcrunch.com"}, {"The Verge", "theverge.com"}, {"VentureBeat", "venturebeat.com"},
	{"ZDNet", "zdnet.com"}, {"Wired", "wired.com"}, {"Nature", "nature.com"}}

func benchSentence(r *rand.Rand, words int) string {
	w := make([]string, words)
	for i := range w {
		w[i] = benchWords[r.IntN(len(benchWords))]
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// benchArticle renders article i: deterministic for (seed, i).
func benchArticle(i int) (name string, data []byte) {
	r := rand.New(rand.NewPCG(42, uint64(i)))
	when := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(6*365*24)) * time.Hour)
	title := benchSentence(r, 6+r.IntN(8))
	if i%20 == 1 { // one in twenty is the previous story saved again a day later
		pr := rand.New(rand.NewPCG(42, uint64(i-1)))
		when = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(pr.Int64N(6*365*24))*time.Hour + 24*time.Hour)
		title = benchSentence(pr, 6+pr.IntN(8))
	}
	slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
	p := benchProviders[r.IntN(len(benchProviders))]
	url := fmt.Sprintf("https://www.%s/%d/%02d/%s-%d/", p[1], when.Year(), when.Month(), slug, i)
	var b strings.Builder
	b.Grow(9000)
	fmt.Fprintf(&b, "---\ncategory: news\ntitle: %q\nexcerpt: %q\npublishedDateTime: %s\n", title,
		benchSentence(r, 30+r.IntN(20))+".", when.Format(time.RFC3339))
	fmt.Fprintf(&b, "originalUrl: %q\nwebUrl: %q\nampWebUrl: %q\ncdnAmpWebUrl: %q\n", url, url, url+"amp/",
		"https://www-"+strings.ReplaceAll(p[1], ".", "-")+".cdn.ampproject.org/c/s/"+url[8:]+"amp/")
	fmt.Fprintf(&b, "type: article\nquality: %d\nheat: -1\npublished: false\n\n", r.IntN(100))
	fmt.Fprintf(&b, "provider:\n  name: %s\n  domain: %s\n  images:\n    - url: \"https://everyday-cc.github.io/ai/assets/images/organizations/%s-50x50.jpg\"\n      width: 50\n      height: 50\n\n", p[0], p[1], p[1])
	fmt.Fprintf(&b, "topics:\n  - AI\n  - %s\n\nimages:\n  - url: \"https://img.%s/%x/0x0.jpg?format=jpg&height=900&width=1600\"\n    width: 1600\n    height: 900\n    isCached: true\n\nrelated:\n",
		strings.ToUpper(benchWords[r.IntN(len(benchWords))]), p[1], r.Uint64())
	week := uint64(when.Unix() / (7 * 86400))
	for j := range 8 {
		// Related stories are the coverage of the period, so articles of
		// one week list many of the same ones: in the shared corpus, 329
		// related entries hold 132 distinct titles. Here 60% come from a
		// pool of 120 stories per week, the rest are one-offs.
		rr, id := r, uint64(i)*8+uint64(j)
		if r.Float64() < 0.6 {
			id = week*1000 + uint64(r.IntN(120))
			rr = rand.New(rand.NewPCG(7, id))
		}
		rp := benchProviders[rr.IntN(len(benchProviders))]
		rt := benchSentence(rr, 6+rr.IntN(8))
		ru := fmt.Sprintf("https://www.%s/%s-%d/", rp[1], strings.ReplaceAll(strings.ToLower(rt), " ", "-"), id)
		fmt.Fprintf(&b, "  - title: %q\n    excerpt: %q\n    publishedDateTime: %s\n    webUrl: %q\n    ampWebUrl: %q\n",
			rt, benchSentence(r, 25+r.IntN(15))+" ...", when.Add(-time.Duration(j)*time.Hour).Format(time.RFC3339), ru, ru+"amp/")
		fmt.Fprintf(&b, "    type: article\n    provider:\n      name: %s\n      domain: %s\n    quality: %d\n    images:\n      - url: \"https://img.%s/%x.jpg\"\n        width: 1200\n        height: 675\n        isCached: true\n",
			rp[0], rp[1], 90-j*5, rp[1], r.Uint64())
	}
	secret := make([]byte, 600)
	for k := range secret {
		secret[k] = byte(r.Uint32())
	}
	fmt.Fprintf(&b, "\nsecured: \"%s\"\n---\n", base64.StdEncoding.EncodeToString(secret))
	return fmt.Sprintf("%s-%s-%d.md", when.Format("2006-01-02"), slug, i), []byte(b.String())
}

// genCorpus writes n articles into a fresh temporary directory.
func genCorpus(b *testing.B, n int) string { return genTree(b, n, 0) }

// genTree writes n articles into a fresh temporary directory, spread over
// folders folders two levels deep (50 to a parent) when folders > 0, as a
// site checkout holds them.
func genTree(b *testing.B, n, folders int) string {
	b.Helper()
	dir := b.TempDir()
	folder := func(i int) string {
		if folders <= 0 {
			return dir
		}
		f := i % folders
		return filepath.Join(dir, fmt.Sprintf("d%03d", f/50), fmt.Sprintf("d%02d", f%50))
	}
	for f := range folders {
		if err := os.MkdirAll(folder(f), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				name, data := benchArticle(i)
				if err := os.WriteFile(filepath.Join(folder(i), name), data, 0o644); err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := failed.Load(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// readFloor lists dir and reads every file with GOMAXPROCS goroutines: the
// least any loader has to do to see the articles.
func readFloor(b *testing.B, dir string) int64 {
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	var total atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(ents); i = int(next.Add(1) - 1) {
				data, err := os.ReadFile(filepath.Join(dir, ents[i].Name()))
				if err != nil {
					b.Error(err)
					return
				}
				total.Add(int64(len(data)))
			}
		}()
	}
	wg.Wait()
	return total.Load()
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
