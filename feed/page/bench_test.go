package page

import (
	"bytes"
	"fmt"
	"net/url"
	"testing"
)

// newsPageOf builds a news page of about size bytes: navigation, adverts,
// scripts, a long article and a comment thread, like a real one.
func newsPageOf(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>A long report</title>`)
	b.WriteString(`<meta property="og:image" content="/lead.jpg"><script>var analytics = {};</script></head><body>`)
	b.WriteString(`<header><nav><ul>`)
	for i := range 40 {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><div class="ad">Advert</div><main><article><h1>A long report</h1>`)
	article := size * 2 / 3
	for i := 0; b.Len() < article; i++ {
		fmt.Fprintf(&b, `<p>Paragraph %d of the report, in which the council's <a href="/doc/%d">figures</a> are read against last year's budget, line by line, with <em>some</em> emphasis.</p>`, i, i)
		if i%10 == 0 {
			fmt.Fprintf(&b, `<figure><img data-src="/img/%d.jpg" src="data:image/gif;base64,R0lGOD" alt="figure %d"></figure><script>track(%d)</script>`, i, i, i)
		}
	}
	b.WriteString(`</article><section class="comments">`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p>Comment %d: I disagree with the figures.</p></div>`, i)
	}
	b.WriteString(`</section></main></body></html>`)
	return b.Bytes()
}

// BenchmarkExtract200KB is extraction and conversion of a 200 KB news
// page: the budget is 50 ms of CPU.
func BenchmarkExtract200KB(b *testing.B) {
	doc := newsPageOf(200 << 10)
	u, _ := url.Parse("https://news.example/report")
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Extract(bytes.NewReader(doc), u); err != nil {
			b.Fatal(err)
		}
	}
	// CPU rather than wall time: the budget is CPU, and on a shared
	// machine it is the steadier figure.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

func TestNewsPageOfExtracts(t *testing.T) {
	doc := newsPageOf(200 << 10)
	u, _ := url.Parse("https://news.example/report")
	p, err := Extract(bytes.NewReader(doc), u)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains([]byte(p.Text), []byte("Paragraph 100 of the report")) || bytes.Contains([]byte(p.Text), []byte("Comment 1:")) {
		t.Errorf("the benchmark's page does not extract as an article: %.300s", p.Text)
	}
}
