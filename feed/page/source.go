package page

import (
	"context"
	"sync"
)

// Source is what a reader needs of pages: the kept ones (Cached, Text)
// and fetching new ones into the store (Fetch). Offline it never touches
// the network. Safe for concurrent use.
type Source struct {
	store   *Store
	fetcher *Fetcher // nil: offline

	textsOnce sync.Once
	texts     func(url string) string // the store's pages when first asked
	mu        sync.RWMutex
	fresh     map[string]string // text of pages fetched since
}

// NewSource reads and keeps pages in store and fetches with fetcher; a nil
// fetcher means offline (Fetch fails with ErrOffline for a page not kept).
func NewSource(store *Store, fetcher *Fetcher) *Source {
	return &Source{store: store, fetcher: fetcher, fresh: map[string]string{}}
}

// Cached returns the kept page for url, nil when there is none, and marks
// it read. It reads the disk, never the network.
func (s *Source) Cached(url string) (*Page, error) {
	p, ok, err := s.store.Read(url)
	if !ok {
		return nil, err
	}
	return &p, nil
}

// Fetch fetches the page at url and keeps it. Offline it returns the kept
// page, else ErrOffline.
func (s *Source) Fetch(ctx context.Context, url string) (*Page, error) {
	if s.fetcher == nil {
		if p, err := s.Cached(url); p != nil || err != nil {
			return p, err
		}
		return nil, ErrOffline
	}
	p, err := s.fetcher.Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := s.store.Put(p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.fresh[url] = p.Text
	s.mu.Unlock()
	return &p, nil
}

// Text is the kept page's text for search, "" when none (see Store.Texts).
func (s *Source) Text(url string) string {
	s.textsOnce.Do(func() { s.texts = s.store.Texts() })
	s.mu.RLock()
	t, ok := s.fresh[url]
	s.mu.RUnlock()
	if ok {
		return t
	}
	return s.texts(url)
}
