package state

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run real processes: the test binary re-executes itself with
// childEnv set, and TestMain turns it into a writer that prints "ack N"
// after SetRead/SetStarred for batch N returned.

const childEnv = "HERALD_STATE_TEST_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		os.Exit(childMain(spec))
	}
	os.Exit(m.Run())
}

// batchIDs is what a child marks read in batch i: usually one article,
// every 10th batch 400 of them (a 25 KB write, several pages, so a kill
// can land inside it). Every 3rd batch's first article is also starred.
func batchIDs(name string, i int) []string {
	n := 1
	if i%10 == 9 {
		n = 400
	}
	ids := make([]string, n)
	for j := range ids {
		ids[j] = fmt.Sprintf("%s-%d-%d", name, i, j)
	}
	return ids
}

// childMain runs "MODE DIR NAME COUNT": MODE is sync (fsync each append)
// or nosync; COUNT batches (0 = until killed).
func childMain(spec string) int {
	f := strings.Fields(spec)
	count, _ := strconv.Atoi(f[3])
	s, err := OpenWith(f[1], Options{NoSync: f[0] == "nosync", NoAutoCompact: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	for i := 0; count == 0 || i < count; i++ {
		ids := batchIDs(f[2], i)
		if err := s.SetRead(ids, true); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if i%3 == 0 {
			if err := s.SetStarred(ids[0], true); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
		fmt.Fprintf(out, "ack %d\n", i)
		out.Flush()
	}
	return 0
}

func startChild(t *testing.T, spec string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+spec)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	return cmd, bufio.NewScanner(stdout)
}

// checkAcked fails unless every batch the child acknowledged is in s.
func checkAcked(t *testing.T, s *Store, name string, acked []int) {
	t.Helper()
	for _, i := range acked {
		ids := batchIDs(name, i)
		for _, id := range ids {
			if !s.IsRead(id) {
				t.Fatalf("acknowledged batch %d of %s lost: %s not read", i, name, id)
			}
		}
		if i%3 == 0 && !s.IsStarred(ids[0]) {
			t.Fatalf("acknowledged star of %s lost", ids[0])
		}
	}
}

func TestKillDuringWritesLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	// Several rounds on one log: later rounds append after whatever the
	// previous kill left (possibly a torn line).
	for round, killAfter := range []int{15, 48, 123, 9} {
		name := fmt.Sprintf("r%d", round)
		cmd, sc := startChild(t, "sync "+dir+" "+name+" 0")
		var acked []int
		for sc.Scan() {
			var i int
			fmt.Sscanf(sc.Text(), "ack %d", &i)
			acked = append(acked, i)
			if len(acked) == killAfter {
				must(t, cmd.Process.Signal(syscall.SIGKILL))
			}
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("child was not killed: %v", err)
		}
		s := open(t, dir)
		checkAcked(t, s, name, acked)
		t.Logf("round %d: %d batches acknowledged before SIGKILL, problems %q", round, len(acked), s.Problems())
		for _, p := range s.Problems() {
			if !strings.Contains(p, "checksum") {
				t.Errorf("unexpected problem after a kill: %s", p)
			}
		}
		s.Close()
	}
}

func TestTwoProcessesAppendWhileCompacting(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	const n = 120
	compactor := open(t, dir)
	var wg sync.WaitGroup
	done := make(chan struct{})
	acked := map[string][]int{}
	var mu sync.Mutex
	for _, name := range []string{"p1", "p2"} {
		cmd, sc := startChild(t, "nosync "+dir+" "+name+" "+strconv.Itoa(n))
		wg.Go(func() {
			for sc.Scan() {
				var i int
				fmt.Sscanf(sc.Text(), "ack %d", &i)
				mu.Lock()
				acked[name] = append(acked[name], i)
				mu.Unlock()
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("child %s: %v", name, err)
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	compactions := 0
	for loop := true; loop; {
		select {
		case <-done:
			loop = false
		default:
			must(t, compactor.Compact())
			compactions++
			time.Sleep(5 * time.Millisecond)
		}
	}
	for _, name := range []string{"p1", "p2"} {
		if len(acked[name]) != n {
			t.Fatalf("%s acknowledged %d batches, want %d", name, len(acked[name]), n)
		}
	}
	must(t, compactor.Refresh())
	fresh := open(t, dir)
	for _, s := range []*Store{compactor, fresh} {
		checkAcked(t, s, "p1", acked["p1"])
		checkAcked(t, s, "p2", acked["p2"])
		if p := s.Problems(); len(p) != 0 {
			t.Fatalf("problems: %q", p)
		}
	}
	t.Logf("%d compactions while two processes appended %d batches each", compactions, n)
}
