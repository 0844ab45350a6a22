package gcpace

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// churn holds live bytes and allocates garbage bytes more in 1 MB pieces,
// and returns the most the heap's objects took meanwhile.
func churn(live, garbage int) uint64 {
	runtime.GC()
	held := make([][]byte, 0, live>>20)
	for range live >> 20 {
		held = append(held, make([]byte, 1<<20))
	}
	runtime.GC() // the pacer's first cycle sees the live heap
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var most uint64
	var sink []byte
	for range garbage >> 20 {
		sink = make([]byte, 1<<20)
		sink[0] = 1
		metrics.Read(s)
		most = max(most, s[0].Value.Uint64())
	}
	runtime.KeepAlive(held)
	runtime.KeepAlive(sink)
	return most
}

// With the pace tightened, garbage piles up to a fraction of the live heap
// (plus the floor, plus what is allocated while a cycle marks), not to as
// much again as the collector's default lets it: the load's peak is the
// live heap plus that.
func TestTightenKeepsGarbageToAFraction(t *testing.T) {
	const live, garbage = 96 << 20, 384 << 20
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	loose := churn(live, garbage)
	p := Tighten(1.0/16, 1<<20)
	tight := churn(live, garbage)
	p.Stop()
	t.Logf("the heap reached %d MB at the default pace, %d MB tightened, for %d MB live", loose>>20, tight>>20, live>>20)
	if tight > live+live/3 {
		t.Errorf("tightened, the heap reached %d MB for %d MB live", tight>>20, live>>20)
	}
	if loose < live+live/2 {
		t.Errorf("at the default pace the heap reached only %d MB for %d MB live: the test measures nothing", loose>>20, live>>20)
	}
}

// Stop gives the collector back the pace it had, and GOGC=off stays off.
func TestStopRestoresThePace(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	p := Tighten(1.0/16, 1<<20)
	churn(16<<20, 64<<20)
	p.Stop()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("after Stop the GC percent is %d, want 77", got)
	}
	debug.SetGCPercent(-1)
	p = Tighten(1.0/16, 1<<20)
	runtime.GC()
	runtime.GC()
	p.Stop()
	if got := debug.SetGCPercent(77); got != -1 {
		t.Errorf("GOGC=off became %d", got)
	}
}
