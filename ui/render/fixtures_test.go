package render

import (
	"strings"
	"time"

	"github.com/herald-reader/herald/feed"
)

// now is the fixed clock of these tests: two days after the seed article.
var now = time.Date(2024, 1, 31, 9, 0, 0, 0, time.UTC)

// seedArticle mirrors the seed corpus file (Forbes, 29 Jan 2024) with a
// short Markdown body added, since the seed's body is empty.
func seedArticle() *feed.Article {
	forbes := feed.Provider{Name: "Forbes", Domain: "forbes.com"}
	return &feed.Article{
		ID:          "0123456789ab",
		Category:    "news",
		Title:       "Google And Hugging Face Partner To Advance Generative AI With Open Models",
		Excerpt:     "The partnership between Google and Hugging Face is expected to democratize AI by making it easy for companies to build their own AI using open models and technologies.",
		Published:   time.Date(2024, 1, 29, 3, 19, 0, 0, time.UTC),
		OriginalURL: "https://www.forbes.com/sites/janakirammsv/2024/01/28/google-and-hugging-face-partner-to-advance-generative-ai-with-open-models/",
		WebURL:      "https://www.forbes.com/sites/janakirammsv/2024/01/28/google-and-hugging-face-partner-to-advance-generative-ai-with-open-models/",
		Type:        "article",
		Quality:     86,
		Heat:        -1,
		Provider:    forbes,
		Topics:      []string{"AI", "Machine Learning"},
		Detail: &feed.ArticleDetail{
			Body: "Google Cloud and [Hugging Face](https://huggingface.co/) announced a partnership.\n\n" +
				"## What changes\n\n" +
				"- Developers can train models on **TPUs** and GPUs\n" +
				"- Inference Endpoints deploy to Google Cloud\n\n" +
				"> Open models are the future, said the CEO.\n\n" +
				"Read more at https://cloud.google.com/blog and see ![chart](https://example.com/chart.png).\n",
			Images: []feed.Image{{
				URL:   "https://imageio.forbes.com/specials-images/imageserve/65b725f69acb5f69d91e1e6d/0x0.jpg?format=jpg&height=900&width=1600&fit=bounds",
				Width: 1218, Height: 600, IsCached: true,
			}},
			Related: []feed.Related{
				{
					Title:     "Five Techniques To Ensure Reliable And Honest Use Of Generative AI",
					Excerpt:   "It's no longer a stretch of the imagination to see how generative artificial intelligence (AI) brings value to modern enterprises.",
					Published: time.Date(2024, 1, 26, 11, 45, 0, 0, time.UTC),
					WebURL:    "https://www.forbes.com/sites/forbestechcouncil/2024/01/26/five-techniques-to-ensure-reliable-and-honest-use-of-generative-ai/",
					Type:      "article",
					Provider:  forbes,
					Quality:   87,
				},
				{
					Title:     "Generative AI: value, risk and regulation",
					Excerpt:   "IN the last few months, generative Artificial Intelligence (AI) has become a global sensation. Business leaders are intrigued by the ...",
					Published: time.Date(2024, 1, 28, 16, 10, 0, 0, time.UTC),
					WebURL:    "https://businessmirror.com.ph/2024/01/29/generative-ai-value-risk-and-regulation/",
					Provider:  feed.Provider{Name: "BusinessMirror", Domain: "businessmirror.com.ph"},
				},
				{
					Title:     "The generative AI smartphone age is here",
					Excerpt:   "Generative AI is coming to your smartphone … That’s because Apple controls every aspect of the iPhone.",
					Published: time.Date(2024, 1, 26, 15, 11, 0, 0, time.UTC),
					WebURL:    "https://www.aol.com/finance/generative-ai-smartphone-age-201110917.html",
					Provider:  feed.Provider{Name: "AOL", Domain: "aol.com"},
				},
			},
		},
	}
}

// hostileArticle puts terminal attacks and Markdown injection in every
// text field.
func hostileArticle() *feed.Article {
	const osc52 = "\x1b]52;c;cm0gLXJmIH4K\x07"
	return &feed.Article{
		Title:       "# *Breaking* [click](javascript:alert(1)) <script>x</script> " + osc52 + "\x1b]0;owned\x07 &#27;[2J",
		Excerpt:     "Excerpt \x1b[2J\x1b[6n \u009b6n \u202eevil\u202c &#27;]52;c;aGk=&#7; &#x1b;]0;t&#x7; | a | b |\n---\n1. list",
		Published:   time.Date(2024, 1, 29, 3, 19, 0, 0, time.UTC),
		OriginalURL: "javascript:alert(document.cookie)",
		WebURL:      "https://example.com/ok",
		Type:        "<b>article</b>",
		Provider:    feed.Provider{Name: "**Evil** \x1b]8;;https://evil.example\x1b\\Co\x1b]8;;\x1b\\", Domain: "evil.example"},
		Topics:      []string{"[x](https://evil.example)", "~~struck~~", "&lt;b&gt;"},
		Detail: &feed.ArticleDetail{
			Body: "Entities: &#27;]52;c;aGk=&#7; and &#x1b;[2J and &#155;6n and &#x9d;0;t&#x7;\n\n" +
				"Raw: \x1b]52;c;aGk=\x07 \x1b[1;1H \u009d0;title\u009c\n\n" +
				"`&#27;[2J` in code and <span>&#27;]0;x&#7;</span> in HTML\n\n" +
				"[bad](javascript:alert(1)) [file](file:///etc/passwd) [user](http://user@evil.example/) " +
				"[ok](https://example.com/body)\n\n" +
				strings.Repeat(">", 86) + " deep\n\n" +
				nestedList(40) +
				"```\nunclosed fence &#27;]52;c;aGk=&#7;\n",
			Images: []feed.Image{
				{URL: "data:image/png;base64,AAAA", Width: 1, Height: 1, Title: "pixel " + osc52},
				{URL: "https://example.com/a.png", Width: 10, Height: 20, Title: "<img src=x onerror=alert(1)>"},
			},
			Related: []feed.Related{{
				Title:    "Related " + osc52 + " [x](https://evil.example)",
				Excerpt:  "Related excerpt &#27;[31m red &#x1b;]8;;https://evil.example&#x1b;\\",
				WebURL:   "http://user:pass@evil.example/",
				Provider: feed.Provider{Name: "<i>Evil</i>"},
			}},
		},
	}
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	b.WriteString("\n")
	return b.String()
}
