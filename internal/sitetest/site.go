// Package sitetest writes a small checkout of a real news site in the
// "A.I. Every Day" format, the way readers get these archives (a `git
// clone` of the site): news and archived news, learning material dated
// otherwise than named, HTML bodies, records that are not articles
// (organisations, topics, people), newsletters that are not Markdown,
// hundreds of generated JSON folders and files without front matter.
// Tests of every layer (feed, the commands, the UI, the real binary) load
// the same site and assert on what a reader sees.
package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// NewestFirst are the titles of the site's articles in the order a
// reader must see them: newest first by publishedDateTime (the date in the
// file name only where the front matter has none), undated last, ties by
// path. The file names disagree with that order on purpose.
var NewestFirst = []string{
	"Dated later than named",            // _news/2024-02-01-..., published 2024-03-05
	"Copy of the launch in the archive", // _archive/_news/..., 2024-03-01 09:00, same URL as the next
	"Launch day",                        // _news/2024-03-01-launch.md, 2024-03-01 09:00
	"Sample with an HTML body",          // _samples/html-sample.md, 2022-05-05
	"Course on agents",                  // _learning/courses/agents.md, 2022-02-02
	"Bad date falls back to the name",   // _news/2022-01-10-bad-date.md: the name's date
	"Dated by its file name",            // _news/2022-01-10-dated-by-name.md
	"Body with control bytes",           // _news/2021-11-11-..., 2021-11-11
	"Duplicate keys",                    // _news/2021-10-10-..., 2021-10-10
	"Video from 2021",                   // _learning/videos/video.md, 2021-09-01
	"Collection of talks",               // _learning/collections/talks.md, 2020-07-07
	"News from 2019 named as 2021",      // _news/2021-06-01-..., published 2019-05-01
	"Archived news from 2018",           // _archive/_news/2018-01-01-old.md
	"Community of builders",             // _communities/builders.md: a link, no date
	"Meetup on retrieval",               // _events/meetup.md: a link, no date
}

// NotArticles are the records with neither a date nor a link: not listed,
// counted as "not an article".
var NotArticles = []string{
	"_data/organizations/acme.md",
	"_data/topics/ai.md",
	"_people/jane.md",
}

// Skipped are the files that cannot be used: no front matter, front
// matter that is not a mapping with text keys.
var Skipped = []string{
	"CONTRIBUTING.md",
	"README.md",
	"_news/2022-08-08-not-a-mapping.md",
}

// Warned are the files that load with a warning, and a piece of each
// warning.
var Warned = map[string]string{
	"_news/2022-01-10-bad-date.md":       "publishedDateTime \"next Tuesday\" is not a date",
	"_news/2021-10-10-duplicate-keys.md": "duplicate key \"title\"",
	"_news/2021-11-11-control-bytes.md":  "body",
}

// LaunchURL is the URL that _news and _archive/_news both hold.
const LaunchURL = "https://example.com/news/launch"

// JSONFolders is how many generated api/ folders the site holds.
const JSONFolders = 800

// Files are the site's text files by slash-separated path.
func Files() map[string]string {
	f := map[string]string{
		"_news/.keep": "",
		"_news/2024-02-01-dated-later.md": article("Dated later than named", "2024-03-05T12:00:00Z",
			"https://example.com/news/later", "article", "Named for February, published in March.\n"),
		"_news/2024-03-01-launch.md": article("Launch day", "2024-03-01T09:00:00Z", LaunchURL, "article",
			"The launch.\n"),
		"_archive/_news/2024-03-01-launch-copy.md": article("Copy of the launch in the archive", "2024-03-01T09:00:00Z",
			LaunchURL, "article", "The launch, archived.\n"),
		"_news/2022-01-10-bad-date.md": strings.Replace(article("Bad date falls back to the name", "next Tuesday",
			"https://example.com/news/bad-date", "article", "Its date is words.\n"), "publishedDateTime: next Tuesday",
			`publishedDateTime: "next Tuesday"`, 1),
		"_news/2022-01-10-dated-by-name.md": article("Dated by its file name", "",
			"https://example.com/news/by-name", "article", "No publishedDateTime.\n"),
		"_news/2021-11-11-control-bytes.md": article("Body with control bytes", "2021-11-11T08:00:00Z",
			"https://example.com/news/control", "article", "Clean text\x00 then NUL, \x1b[31mred\x1b[0m and \xff\xfe bad UTF-8.\n"),
		"_news/2021-10-10-duplicate-keys.md": "---\ntitle: First title\ntitle: \"Duplicate keys\"\n" +
			"publishedDateTime: 2021-10-10T08:00:00Z\nwebUrl: https://example.com/news/dup\ntype: article\ntopics: [AI]\n---\nTwo titles.\n",
		"_news/2021-06-01-old-news.md": article("News from 2019 named as 2021", "2019-05-01T08:00:00Z",
			"https://example.com/news/2019", "article", "Old news in a new name.\n"),
		"_news/2022-08-08-not-a-mapping.md": "---\n{{},<<}\n---\nNot a mapping of text keys.\n",
		"_archive/_news/2018-01-01-old.md": article("Archived news from 2018", "2018-01-01T08:00:00Z",
			"https://example.com/news/2018", "article", "Archived.\n"),
		"_learning/videos/video.md": article("Video from 2021", "2021-09-01T10:00:00Z",
			"https://example.com/learning/video", "video", "Watch it.\n"),
		"_learning/courses/agents.md": article("Course on agents", "2022-02-02T10:00:00Z",
			"https://example.com/learning/agents", "course", "Learn it.\n"),
		"_learning/collections/talks.md": article("Collection of talks", "2020-07-07T10:00:00Z",
			"https://example.com/learning/talks", "collection", "Collected.\n"),
		"_samples/html-sample.md": article("Sample with an HTML body", "2022-05-05T10:00:00Z",
			"https://example.com/samples/html", "download",
			"<div class=\"sample\"><p>The <strong>first</strong> paragraph.</p>\n<ul><li>one item</li><li>another item</li></ul>\n"+
				"<p>Read <a href=\"https://example.com/more\">more here</a>.</p></div>\n"),
		"_data/organizations/acme.md": "---\ntaxonomy: organizations\n_id: acme\nname: Acme\ndomain: acme.example\n" +
			"images:\n  - url: https://acme.example/logo.png\n    width: 50\n    height: 50\n---\n",
		"_data/topics/ai.md": "---\ntaxonomy: topics\n_id: ai\nname: Artificial Intelligence\n---\n",
		"_people/jane.md":    "---\nname: Jane Doe\nbio: Writes about agents.\n---\n",
		"_events/meetup.md": "---\nname: Meetup on retrieval\nstartDateTime: 2022-03-03T18:00:00Z\n" +
			"website: https://example.com/events/meetup\n---\nCome along.\n",
		"_communities/builders.md": "---\nname: Community of builders\nwebsite: https://example.com/communities/builders\n---\n",
		"_newsletters/2024-01-01-issue.html": "---\ntitle: Newsletter\npublishedDateTime: 2030-01-01T00:00:00Z\n---\n" +
			"<html><body><p>An e-mail, not an article file.</p></body></html>\n",
		"assets/css/site.css": "body { color: black; }\n",
		"README.md":           "# The site\n\nHow to build it.\n",
		"CONTRIBUTING.md":     "# Contributing\n\nSend a pull request.\n",
	}
	for i := range JSONFolders {
		f[fmt.Sprintf("api/v1/items/%03d/index.json", i)] = fmt.Sprintf(`{"id": %d}`+"\n", i)
	}
	return f
}

// article renders an article in the site's format; published and url are
// left out when "".
func article(title, published, url, typ, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\n", title)
	if published != "" {
		fmt.Fprintf(&b, "publishedDateTime: %s\n", published)
	}
	if url != "" {
		fmt.Fprintf(&b, "webUrl: %s\n", url)
	}
	fmt.Fprintf(&b, "type: %s\nprovider:\n  name: Example\n  domain: example.com\ntopics:\n  - AI\n---\n%s", typ, body)
	return b.String()
}

// Write writes the site under dir, creating folders as needed.
func Write(dir string) error {
	for name, content := range Files() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}
