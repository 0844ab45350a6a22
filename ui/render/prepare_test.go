package render

import (
	"strings"
	"testing"
	"time"
)

// TestPrepareDeadline: a body not contained by its deadline is shown as
// escaped text with no links, like glamour's fallback; in time, it is
// Markdown with its links.
func TestPrepareDeadline(t *testing.T) {
	body := "Read [the report](https://report.example/a).\n\n```\nan open fence"
	got, links := containBody(body, time.Now().Add(PrepareDeadline))
	if len(links) != 1 || !strings.HasSuffix(got, "\n```") {
		t.Fatalf("in time: %q, links %v", got, links)
	}
	got, links = containBody(body, time.Now().Add(-time.Millisecond))
	if len(links) != 0 || got != escapeLines(body) {
		t.Errorf("past the deadline: %q, links %v; want the escaped text", got, links)
	}
}
