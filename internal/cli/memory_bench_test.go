package cli

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/benchcorpus"
)

// BenchmarkListCount100k is `herald list --format count` over a generated
// library of 100,000 articles with a warm cache, run as its own process
// (the test binary acting as herald): the peak resident memory of that
// process (issue 16: <= 150 MB), and its wall time as a multiple of
// reading every file in this process, measured before each run
// (<= 0.4x). MB-peak-cold is the first run, which writes the cache.
//
//	go test -run '^$' -bench ListCount -benchtime 3x ./internal/cli/
func BenchmarkListCount100k(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads the child's peak resident memory from its rusage")
	}
	const n = 100_000
	corpus, home := b.TempDir(), b.TempDir()
	if err := benchcorpus.Write(corpus, n, 0); err != nil {
		b.Fatal(err)
	}
	count := func() (time.Duration, float64) {
		cmd := exec.Command(os.Args[0], "list", "--format", "count", corpus)
		cmd.Env = append(os.Environ(), runAsHerald+"=1", "HOME="+home, "XDG_CONFIG_HOME="+home+"/config",
			"XDG_CACHE_HOME="+home+"/cache", "XDG_STATE_HOME="+home+"/state", "HERALD_NO_CACHE=")
		start := time.Now()
		out, err := cmd.Output()
		took := time.Since(start)
		if err != nil || strings.TrimSpace(string(out)) != "100000 articles, 0 skipped" {
			b.Fatalf("herald list --format count: %v, printed %q", err, out)
		}
		return took, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // kB on Linux
	}
	_, cold := count()
	var peak float64
	var floor, took time.Duration
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		if _, err := benchcorpus.ReadAll(corpus); err != nil {
			b.Fatal(err)
		}
		floor += time.Since(start)
		b.StartTimer()
		t, p := count()
		took += t
		peak = max(peak, p)
	}
	b.ReportMetric(cold, "MB-peak-cold")
	b.ReportMetric(peak, "MB-peak-warm")
	b.ReportMetric(float64(took)/float64(floor), "x-floor")
}
