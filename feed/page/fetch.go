package page

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html/charset"
)

// Limits of a fetch (see the politeness rules).
const (
	maxBody        = 5 << 20
	maxRedirects   = 5
	maxRetries     = 3
	maxRetryAfter  = 30 * time.Second // a longer Retry-After is waited this long
	perHost        = 2                // connections to one host at a time
	connectTimeout = 10 * time.Second
	totalTimeout   = 30 * time.Second // one attempt, from connecting to the last byte
)

// FetcherOptions configure a Fetcher; the zero value is usable.
type FetcherOptions struct {
	// Version names Herald's version in the User-Agent.
	Version string
	// Wait sleeps between retries; nil sleeps for real. Tests inject one
	// that records the delays instead.
	Wait func(ctx context.Context, d time.Duration) error
	// Timeout bounds one attempt; 0 is 30 s. Tests shorten it.
	Timeout time.Duration
}

// Fetcher fetches pages over http and https: no cookies are kept and no
// scripts run; at most 2 connections per host; 429 and 5xx answers are
// retried up to 3 times, after Retry-After when the server gives one (at
// most 30 s) and else after 1, 2 and 4 seconds. Safe for concurrent use.
type Fetcher struct {
	client    *http.Client
	userAgent string
	wait      func(ctx context.Context, d time.Duration) error
	timeout   time.Duration

	mu    sync.Mutex
	hosts map[string]chan struct{} // per-host slots, see acquire
}

// NewFetcher returns a Fetcher with its own connection pool.
func NewFetcher(o FetcherOptions) *Fetcher {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connectTimeout}).DialContext,
		TLSHandshakeTimeout:   connectTimeout,
		MaxConnsPerHost:       perHost,
		MaxIdleConnsPerHost:   perHost,
		IdleConnTimeout:       30 * time.Second,
		ResponseHeaderTimeout: totalTimeout,
	}
	f := &Fetcher{
		client: &http.Client{Transport: tr, CheckRedirect: checkRedirect},
		wait:   o.Wait, timeout: o.Timeout,
		hosts: map[string]chan struct{}{},
	}
	if f.wait == nil {
		f.wait = sleep
	}
	if f.timeout <= 0 {
		f.timeout = totalTimeout
	}
	v := strings.Fields(o.Version)
	f.userAgent = "Herald"
	if len(v) > 0 && v[0] != "(devel)" {
		f.userAgent += "/" + v[0]
	}
	f.userAgent += " (terminal news reader; reader mode)"
	return f
}

// checkRedirect keeps redirects to http and https and at most five of them.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Scheme+":", ErrScheme)
	}
	if len(via) > maxRedirects {
		return ErrTooManyHops
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Fetch fetches the page at rawURL and extracts its article.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Page, error) {
	body, final, ct, err := f.fetch(ctx, rawURL, webPage)
	if err != nil {
		return Page{}, err
	}
	return parse(body, ct, rawURL, final)
}

// wanted is what one kind of fetch accepts: web pages or images.
type wanted struct {
	accept   string                // the Accept header
	check    func(ct string) error // a Content-Type's verdict ("" passes; sniffed later)
	max      int64                 // the largest body
	tooLarge error                 // the error for a larger one
}

var webPage = wanted{
	accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
	check:  checkType, max: maxBody, tooLarge: ErrTooLarge,
}

// fetch downloads rawURL as w says, retrying as the Fetcher's rules say,
// and returns the body, where redirects ended and its Content-Type.
func (f *Fetcher) fetch(ctx context.Context, rawURL string, w wanted) ([]byte, *url.URL, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, nil, "", fmt.Errorf("bad URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, nil, "", ErrScheme
	}
	for attempt := 0; ; attempt++ {
		body, final, ct, retryAfter, err := f.download(ctx, u, w)
		if retryAfter < 0 || attempt == maxRetries {
			return body, final, ct, err
		}
		if retryAfter == 0 {
			retryAfter = time.Second << attempt
		}
		if err := f.wait(ctx, min(retryAfter, maxRetryAfter)); err != nil {
			return nil, nil, "", err
		}
	}
}

// download is get holding one of the host's slots: waits between retries
// and the extraction, which is CPU work, leave the slot to others.
func (f *Fetcher) download(ctx context.Context, u *url.URL, w wanted) (body []byte, final *url.URL, contentType string, retryAfter time.Duration, err error) {
	release, err := f.acquire(ctx, u.Host)
	if err != nil {
		return nil, nil, "", -1, err
	}
	defer release()
	return f.get(ctx, u, w)
}

// acquire takes one of the host's slots, so that a crowd of fetches for
// one host queues here rather than inside the transport, where the wait
// would count against their timeout.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	f.mu.Lock()
	slots, ok := f.hosts[host]
	if !ok {
		slots = make(chan struct{}, perHost)
		f.hosts[host] = slots
	}
	f.mu.Unlock()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// get makes one attempt. retryAfter is -1 when the answer is final (a
// body or an error not worth retrying), else the wait the server asked for
// (0: none given).
func (f *Fetcher) get(ctx context.Context, u *url.URL, w wanted) (body []byte, final *url.URL, contentType string, retryAfter time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, "", -1, err
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", w.accept)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, nil, "", -1, cleanErr(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // reuse the connection
		return nil, nil, "", parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()), statusErr(resp)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, "", -1, statusErr(resp)
	}
	ct := resp.Header.Get("Content-Type")
	if err := w.check(ct); err != nil {
		return nil, nil, "", -1, err
	}
	if resp.ContentLength > w.max {
		return nil, nil, "", -1, w.tooLarge
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, w.max+1))
	if err != nil {
		return nil, nil, "", -1, cleanErr(err)
	}
	if int64(len(body)) > w.max {
		return nil, nil, "", -1, w.tooLarge
	}
	if ct == "" {
		ct = http.DetectContentType(body)
		if err := w.check(ct); err != nil {
			return nil, nil, "", -1, err
		}
	}
	return body, resp.Request.URL, ct, -1, nil
}

// checkType accepts HTML and XHTML, and an unnamed type (sniffed later).
func checkType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("%w (%s)", ErrNotWebPage, ct)
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%w (%s)", ErrNotWebPage, mt)
	}
	return nil
}

// parse decodes the body to UTF-8 (the charset from the Content-Type,
// else a BOM or a meta tag, else windows-1252 as browsers do) and
// extracts the article.
func parse(body []byte, contentType, rawURL string, final *url.URL) (Page, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return Page{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	p, err := Extract(r, final)
	if err != nil {
		return Page{}, err
	}
	p.URL = rawURL
	if s := final.String(); s != rawURL {
		p.FinalURL = s
	}
	p.Fetched = time.Now().UTC()
	return p, nil
}

func statusErr(resp *http.Response) error {
	return fmt.Errorf("HTTP %s", resp.Status)
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date; 0 when
// absent or unreadable (the caller backs off on its own then).
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		return max(time.Duration(s)*time.Second, time.Millisecond)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), time.Millisecond)
	}
	return 0
}

// cleanErr drops url.Error's "Get URL:" prefix (callers print the URL
// next to the reason) and names timeouts plainly.
func cleanErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return errors.New("timed out")
		}
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("timed out")
	}
	return err
}
