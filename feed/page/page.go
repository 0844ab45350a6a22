// Package page owns reader mode's pages: it fetches an article's web page
// politely (Fetcher: http and https only, timeouts, a size cap, retries),
// extracts the readable text as Markdown (Extract) and keeps it on disk,
// one file per URL, read offline for ever (Store). Like feed, it knows
// nothing about terminals and never prints.
package page

import (
	"errors"
	"time"
)

// Page is the readable part of a web page. Every text field has been
// sanitised (see textsafe), like all article text.
type Page struct {
	URL       string    // the article's URL the page was fetched for
	FinalURL  string    // where redirects ended; "" when the same
	Title     string    // the page's own title
	Byline    string    // the author line, "" when none was found
	Published time.Time // UTC; zero when the page does not say
	Image     string    // the lead image's URL, "" when none
	Text      string    // the article as Markdown
	Fetched   time.Time // when it was fetched (UTC)
}

// Failures a caller may tell apart; each error a fetch returns wraps one
// of them or is a network error. Their text is the reason shown to users.
var (
	ErrNotWebPage  = errors.New("not a web page")
	ErrUnreadable  = errors.New("nothing readable on the page")
	ErrTooLarge    = errors.New("page larger than 5 MB")
	ErrScheme      = errors.New("only http and https pages are fetched")
	ErrOffline     = errors.New("offline: the page is not cached")
	ErrTooManyHops = errors.New("more than 5 redirects")
)
