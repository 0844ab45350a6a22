// Package seedlike writes a deterministic corpus of article files shaped
// like the archive's seed file, for the tests and benchmarks of feed and
// of its front-matter decoder. Only tests import it.
package seedlike

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File writes article i of a deterministic corpus shaped like the
// archive's seed file (~8 KB: the same keys, quoting and layout, eight
// related stories with images, a secured blob), for benchmarks, the
// differential fuzz seeds and tests that must not depend on ../shared.
func File(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	providers := [][2]string{{"Forbes", "forbes.com"}, {"BusinessMirror", "businessmirror.com.ph"},
		{"People Management", "peoplemanagement.co.uk"}, {"unige.ch", "unige.ch"}, {"WPLG", "local10.com"},
		{"AOL", "aol.com"}, {"CoinTelegraph", "cointelegraph.com"}, {"Becker's Hospital Review", "beckershospitalreview.com"}}
	words := strings.Fields("generative AI open models partnership enterprise data cloud chips research " +
		"startups regulation healthcare analytics agents language vision robotics ethics democratize")
	sentence := func(n int) string {
		w := make([]string, n)
		for j := range w {
			w[j] = words[r.IntN(len(words))]
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	when := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24*60)) * time.Minute)
	p := providers[r.IntN(len(providers))]
	slug := strings.ReplaceAll(strings.ToLower(sentence(9)), " ", "-")
	web := fmt.Sprintf("https://www.%s/sites/%s/%s/", p[1], when.Format("2006/01/02"), slug)
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ncategory: news\ntitle: %q\nexcerpt: \"%s ... It’s a “race”.\"\n", sentence(10), sentence(28))
	fmt.Fprintf(&b, "publishedDateTime: %s\noriginalUrl: %q\nwebUrl: %q\n", when.Format(time.RFC3339), web, web)
	fmt.Fprintf(&b, "ampWebUrl: \"%samp/\"\ncdnAmpWebUrl: \"https://www-%s.cdn.ampproject.org/c/s/%samp/\"\n", web, p[1], web[8:])
	fmt.Fprintf(&b, "type: article\nquality: %d\nheat: -1\npublished: false\n\n", r.IntN(101))
	fmt.Fprintf(&b, "provider:\n  name: %s\n  domain: %s\n  images:\n    - url: \"https://everyday-cc.github.io/ai/assets/images/organizations/%s-50x50.jpg\"\n      width: 50\n      height: 50\n\n", p[0], p[1], p[1])
	fmt.Fprintf(&b, "topics:\n  - AI\n  - %s\n\nimages:\n  - url: \"https://imageio.forbes.com/specials-images/imageserve/%x/0x0.jpg?format=jpg&height=900&width=1600&fit=bounds\"\n    width: 1218\n    height: 600\n    isCached: true\n\nrelated:\n", pick("Machine Learning", "AI Ethics", "Generative AI"), r.Uint64())
	for j := 0; j < 8; j++ {
		rp := providers[r.IntN(len(providers))]
		rt := when.Add(time.Duration(r.IntN(96)-48) * time.Hour)
		rslug := strings.ReplaceAll(strings.ToLower(sentence(8)), " ", "-")
		rweb := fmt.Sprintf("https://%s/%s/%s/", rp[1], rt.Format("2006/01/02"), rslug)
		fmt.Fprintf(&b, "  - title: %q\n    excerpt: %q\n    publishedDateTime: %s\n    webUrl: %q\n", sentence(9), sentence(40)+" ...", rt.Format(time.RFC3339), rweb)
		if j < 2 {
			fmt.Fprintf(&b, "    ampWebUrl: \"%samp/\"\n    cdnAmpWebUrl: \"https://%s.cdn.ampproject.org/c/s/%samp/\"\n", rweb, strings.ReplaceAll(rp[1], ".", "-"), rweb[8:])
		}
		fmt.Fprintf(&b, "    type: article\n    provider:\n      name: %s\n      domain: %s\n    quality: %d\n", rp[0], rp[1], 90-j*9)
		if j < 5 {
			fmt.Fprintf(&b, "    images:\n      - url: \"https://%s/wp-content/uploads/%x.jpg\"\n        width: 1200\n        height: 628\n        isCached: true\n", rp[1], r.Uint64())
		}
	}
	secured := make([]byte, 700)
	for j := range secured {
		secured[j] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[r.IntN(64)]
	}
	fmt.Fprintf(&b, "\nsecured: \"%s;%s==\"\n---\n\n", secured, secured[:22])
	return b.Bytes()
}

// FuzzSeeds are the seeds of the parser's fuzz tests (feed's FuzzParse,
// frontmatter's FuzzDecode): corpus-like files, the fixture files in
// fixtures (a directory of .md files) and one file per hazard class.
func FuzzSeeds(fixtures string) [][]byte {
	var seeds [][]byte
	for i := 0; i < 3; i++ {
		seeds = append(seeds, File(i))
	}
	seeds = append(seeds, File(3)[:1500])
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.md"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, data)
		}
	}
	for _, s := range []string{
		"---\ntitle: t\nrelated:\n  - title: r\n    quality: 5\n---\nbody",
		"---\r\ntitle: \"\\e[31m\\u009b\"\r\n---\r\n",
		"\ufeff---\na:\n- x\n-\n  y: 1\n- - z\n...\n",
		"---\n? {}\n<<: {}\n---\n",
		"---\na: &a [x,x]\nb: [*a,*a]\ntitle: *a\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"---\ntitle: !!binary G1sySg==\n---\n",
		"---\ntitle: 'it''s' # c\nquality: 0x1F\n---\n",
		"---\ntitle: |\n  block\n---\n",
		"---\n" + strings.Repeat("[", 50) + "\n---\n",
		"---\ntitle: caf\xe9\x00\n---\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}
