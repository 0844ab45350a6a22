package feed

import (
	"sync"
	"time"
)

// StartGate is the start-up handshake between a UI and the loader: first
// screen, then walk, then watch.
//
// On a warm start the loader answers the first batch from the cache in a
// few milliseconds; walking the directories and reading the snapshot then
// takes both cores of a small machine, just while the UI draws that batch.
// So the walk waits for the gate: the UI calls Open once the first articles
// are drawn, and the walk starts delay later, when the frame has reached
// the terminal (or after maxHold, if the UI never draws). The loader
// closes Walking as its walk starts, warm or cold; a watcher waits for
// that (WatchOptions.Start): started then, it cannot miss a file the walk
// did not see, and it does not compete with the first screen.
//
// A nil *StartGate holds nothing back: the loader does not wait for it,
// Open does nothing and its channels are nil.
type StartGate struct {
	delay    time.Duration
	openOnce sync.Once
	opened   chan struct{}
	walkOnce sync.Once
	walking  chan struct{}
}

// NewStartGate returns a closed gate that opens delay after Open.
func NewStartGate(delay time.Duration) *StartGate {
	return &StartGate{delay: delay, opened: make(chan struct{}), walking: make(chan struct{})}
}

// Open says that the first articles are on the screen (or that there are
// none to wait for). Only the first call counts; safe from any goroutine.
func (g *StartGate) Open() {
	if g == nil {
		return
	}
	g.openOnce.Do(func() {
		if g.delay <= 0 {
			close(g.opened)
			return
		}
		time.AfterFunc(g.delay, func() { close(g.opened) })
	})
}

// Opened is closed once the gate is open: delay after the first Open.
// The walk of a warm start waits for it (Options.Gate).
func (g *StartGate) Opened() <-chan struct{} {
	if g == nil {
		return nil
	}
	return g.opened
}

// Walking is closed once the loader's walk has started.
func (g *StartGate) Walking() <-chan struct{} {
	if g == nil {
		return nil
	}
	return g.walking
}

// walk marks the start of the walk (see Walking).
func (g *StartGate) walk() {
	if g == nil {
		return
	}
	g.walkOnce.Do(func() { close(g.walking) })
}
