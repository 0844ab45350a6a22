//go:build unix

package story

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// genLibrary makes n articles shaped like a real library: titles of 5 to
// 14 words drawn Zipf-like from a 30,000-word vocabulary plus function
// words, so common words ("ai", "new") recur everywhere and names rarely;
// dates spread over days; one in five stories saved again with an outlet
// suffix within three days; one in ten also saved under the same URL; five
// related links each, a third of them to articles of the library.
func genLibrary(n, days int, seed uint64) []*feed.Article {
	rng := rand.New(rand.NewPCG(seed, 2))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 3)), 1.1, 2, 29999)
	fn := strings.Fields("the a of to in for on with and at by from as is")
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]*feed.Article, 0, n)
	for len(arts) < n {
		k := 5 + rng.IntN(10)
		ws := make([]string, k)
		for i := range ws {
			if rng.IntN(4) == 0 {
				ws[i] = fn[rng.IntN(len(fn))]
			} else {
				ws[i] = genWord(int(zipf.Uint64()))
			}
		}
		title := strings.Join(ws, " ")
		url := fmt.Sprintf("https://outlet%d.example/news/%d", rng.IntN(200), len(arts))
		day := base.Add(time.Duration(rng.Int64N(int64(days) * int64(24*time.Hour))))
		a := &feed.Article{Title: title, WebURL: url, Published: day, Provider: feed.Provider{Name: fmt.Sprint("Outlet ", rng.IntN(200))}}
		a.ID = feed.URLID(url)
		arts = append(arts, a)
		if rng.IntN(5) == 0 && len(arts) < n {
			b := *a
			b.Title = title + " - Reuters"
			b.WebURL = url + "/amp"
			b.ID = feed.URLID(b.WebURL)
			b.Published = day.Add(time.Duration(rng.IntN(48)) * time.Hour)
			arts = append(arts, &b)
		}
		if rng.IntN(10) == 0 && len(arts) < n {
			c := *a
			c.Published = day.Add(24 * time.Hour)
			arts = append(arts, &c)
		}
	}
	for _, a := range arts {
		ids := make([]string, 0, 5)
		for range 5 {
			if rng.IntN(3) == 0 {
				ids = append(ids, arts[rng.IntN(len(arts))].ID)
			} else {
				ids = append(ids, feed.URLID(fmt.Sprint("https://elsewhere.example/", rng.Uint64())))
			}
		}
		a.SetRelatedIDs(ids)
	}
	return arts
}

// BenchmarkStories100k clusters 100,000 generated articles spread over
// three years (about 90 a day) and packed into one month (about 3,300 a
// day, the worst case for the date window).
func BenchmarkStories100k(b *testing.B) {
	for _, days := range []int{3 * 365, 30} {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			arts := genLibrary(100_000, days, 1)
			b.ReportAllocs()
			var multi int
			cpu0 := groupCPUTime()
			for b.Loop() {
				cs := Group(arts, Options{})
				multi = 0
				for _, c := range cs {
					if len(c.Members) > 1 {
						multi++
					}
				}
			}
			b.ReportMetric(float64(multi), "stories>1")
			// CPU time as well as wall time: on a loaded machine (parallel
			// builds, other benchmarks) wall time mostly measures waiting.
			b.ReportMetric(float64(groupCPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// groupCPUTime is the CPU time this process has used (user and system), in
// nanoseconds; 0 where getrusage is missing.
func groupCPUTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
