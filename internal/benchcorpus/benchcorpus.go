// Package benchcorpus writes the generated library the benchmarks load:
// seed-like articles of about 8 KB of front matter with eight related
// stories each, as ../shared/tools/gen writes them, deterministic for
// their number. Only tests and benchmarks import it (feed's loading
// benchmarks, the reader's and the CLI's memory benchmarks), so that they
// measure the same files.
package benchcorpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var vocabulary = strings.Fields(`ai model data cloud chip robot vision language agent
	startup market research health finance policy security open source training inference
	google microsoft openai nvidia meta amazon apple ibm hugging face anthropic deepmind`)

var providers = [][2]string{{"Forbes", "forbes.com"}, {"Reuters", "reuters.com"},
	{"TechCrunch", "techcrunch.com"}, {"The Verge", "theverge.com"}, {"VentureBeat", "venturebeat.com"},
	{"ZDNet", "zdnet.com"}, {"Wired", "wired.com"}, {"Nature", "nature.com"}}

func sentence(r *rand.Rand, words int) string {
	w := make([]string, words)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Article renders article i: its file name and contents, the same for
// the same i on every run.
func Article(i int) (name string, data []byte) {
	r := rand.New(rand.NewPCG(42, uint64(i)))
	when := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(6*365*24)) * time.Hour)
	title := sentence(r, 6+r.IntN(8))
	if i%20 == 1 { // one in twenty is the previous story saved again a day later
		pr := rand.New(rand.NewPCG(42, uint64(i-1)))
		when = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(pr.Int64N(6*365*24))*time.Hour + 24*time.Hour)
		title = sentence(pr, 6+pr.IntN(8))
	}
	slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
	p := providers[r.IntN(len(providers))]
	url := fmt.Sprintf("https://www.%s/%d/%02d/%s-%d/", p[1], when.Year(), when.Month(), slug, i)
	var b strings.Builder
	b.Grow(9000)
	fmt.Fprintf(&b, "---\ncategory: news\ntitle: %q\nexcerpt: %q\npublishedDateTime: %s\n", title,
		sentence(r, 30+r.IntN(20))+".", when.Format(time.RFC3339))
	fmt.Fprintf(&b, "originalUrl: %q\nwebUrl: %q\nampWebUrl: %q\ncdnAmpWebUrl: %q\n", url, url, url+"amp/",
		"https://www-"+strings.ReplaceAll(p[1], ".", "-")+".cdn.ampproject.org/c/s/"+url[8:]+"amp/")
	fmt.Fprintf(&b, "type: article\nquality: %d\nheat: -1\npublished: false\n\n", r.IntN(100))
	fmt.Fprintf(&b, "provider:\n  name: %s\n  domain: %s\n  images:\n    - url: \"https://everyday-cc.github.io/ai/assets/images/organizations/%s-50x50.jpg\"\n      width: 50\n      height: 50\n\n", p[0], p[1], p[1])
	fmt.Fprintf(&b, "topics:\n  - AI\n  - %s\n\nimages:\n  - url: \"https://img.%s/%x/0x0.jpg?format=jpg&height=900&width=1600\"\n    width: 1600\n    height: 900\n    isCached: true\n\nrelated:\n",
		strings.ToUpper(vocabulary[r.IntN(len(vocabulary))]), p[1], r.Uint64())
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
		rp := providers[rr.IntN(len(providers))]
		rt := sentence(rr, 6+rr.IntN(8))
		ru := fmt.Sprintf("https://www.%s/%s-%d/", rp[1], strings.ReplaceAll(strings.ToLower(rt), " ", "-"), id)
		fmt.Fprintf(&b, "  - title: %q\n    excerpt: %q\n    publishedDateTime: %s\n    webUrl: %q\n    ampWebUrl: %q\n",
			rt, sentence(r, 25+r.IntN(15))+" ...", when.Add(-time.Duration(j)*time.Hour).Format(time.RFC3339), ru, ru+"amp/")
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

// Write writes articles 0 to n-1 into dir, spread over folders folders
// two levels deep (50 to a parent) when folders > 0, as a site checkout
// holds them; all in dir otherwise. It writes on every core.
func Write(dir string, n, folders int) error {
	folder := func(i int) string {
		if folders <= 0 {
			return dir
		}
		f := i % folders
		return filepath.Join(dir, fmt.Sprintf("d%03d", f/50), fmt.Sprintf("d%02d", f%50))
	}
	for f := range folders {
		if err := os.MkdirAll(folder(f), 0o755); err != nil {
			return err
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
				name, data := Article(i)
				if err := os.WriteFile(filepath.Join(folder(i), name), data, 0o644); err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		return err
	}
	return nil
}

// ReadAll lists dir and reads every file in it with GOMAXPROCS goroutines,
// returning the bytes read: the least any loader has to do to see the
// articles, the floor the loading benchmarks compare with.
func ReadAll(dir string) (int64, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var next, total atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(ents); i = int(next.Add(1) - 1) {
				data, err := os.ReadFile(filepath.Join(dir, ents[i].Name()))
				if err != nil {
					failed.Store(err)
					return
				}
				total.Add(int64(len(data)))
			}
		}()
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		return 0, err
	}
	return total.Load(), nil
}
