// Package gcpace paces the garbage collector while a large library loads.
//
// By default the collector lets the heap grow to twice what was live at the
// end of its last cycle. That is cheap for a steady program, but a load
// builds its live heap as it goes: at 100,000 articles the reader's live
// heap reaches ~200 MB mid-load, and the garbage a load makes (read
// buffers, decoded trees, the loader's state, the search index and
// stories as they are built) then took the process to 340 MB warm and
// 470 MB cold for a library that keeps 170. Tighten narrows that headroom
// for the length of the load only: after each cycle the next one is due
// when the heap has grown by max(floor, live*frac), so that a small heap
// (the first screen) still collects rarely while a large one (the end of
// the load) keeps its garbage to a fraction of what it holds. Stop
// restores the collector's setting.
package gcpace

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Pacer is one Tighten in effect, until Stop.
type Pacer struct {
	mu      sync.Mutex
	stopped bool
	percent int // the GC percent before Tighten: never exceeded
	frac    float64
	floor   uint64
	sample  []metrics.Sample
}

// Tighten paces collections as the package says, until Stop. It does
// nothing (Stop too) when the collector is off (GOGC=off).
func Tighten(frac float64, floor uint64) *Pacer {
	p := &Pacer{frac: frac, floor: floor, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	p.percent = debug.SetGCPercent(100)
	debug.SetGCPercent(p.percent)
	if p.percent <= 0 {
		p.stopped = true
		return p
	}
	p.arm()
	return p
}

// sentinel is a heap object that becomes garbage at once: its cleanup
// runs after the collection that found it, once per cycle (see arm). A
// pointer field keeps it out of the tiny allocator, whose blocks may
// outlive it and so never run its cleanup.
type sentinel struct{ _ *int }

// arm has the next completed collection call cycle.
func (p *Pacer) arm() {
	runtime.AddCleanup(&sentinel{}, func(p *Pacer) { p.cycle() }, p)
}

// cycle sets the pace for the next collection from what the last one
// found live.
func (p *Pacer) cycle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	metrics.Read(p.sample)
	if live := p.sample[0].Value.Uint64(); live > 0 {
		room := max(p.floor, uint64(float64(live)*p.frac))
		debug.SetGCPercent(int(min(uint64(p.percent), max(1, 100*room/live))))
	}
	p.arm()
}

// Load is the reader's pace while it loads a library: the next collection
// when the heap has grown by a sixteenth of what is live, or by 16 MB
// when that is more. At 100,000 articles on two cores it took the peak
// from ~330 to ~255 MB warm and from ~395 to ~280 MB cold, for ~8% more
// CPU warm and ~25% cold (more, smaller collections); an eighth gave
// 260-268 MB warm.
func Load() *Pacer { return Tighten(1.0/16, 16<<20) }

// Off is a Pacer that does nothing: the collector keeps its own pace.
func Off() *Pacer { return &Pacer{stopped: true} }

// Stop restores the collector's setting from before Tighten.
func (p *Pacer) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	debug.SetGCPercent(p.percent)
}
