//go:build unix

package page

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process used so far. Benchmarks report it
// next to wall time: on a shared machine it is the steadier figure.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
