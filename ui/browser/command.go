package browser

import (
	"errors"
	"strings"
)

// command is one entry of a $BROWSER list, already split into words.
type command []string

// parseList splits a $BROWSER-style list: commands separated by ':', each
// split into words on whitespace. Empty entries are skipped. There is no
// quoting: a shell would be needed for that, and we never use one.
func parseList(list string) []command {
	var out []command
	for _, entry := range strings.Split(list, ":") {
		if words := strings.Fields(entry); len(words) > 0 {
			out = append(out, command(words))
		}
	}
	return out
}

// argv builds the argument vector for url: "%s" in an argument is replaced
// by the URL ("%%" by a single '%'); without any "%s" the URL is appended.
// The program name itself may not contain "%s": that would run the URL.
func (c command) argv(url string) ([]string, error) {
	if strings.Contains(c[0], "%s") {
		return nil, errors.New("browser command starts with %s")
	}
	argv := make([]string, 0, len(c)+1)
	substituted := false
	for _, w := range c {
		if !strings.Contains(w, "%") {
			argv = append(argv, w)
			continue
		}
		s, did := substitute(w, url)
		substituted = substituted || did
		argv = append(argv, s)
	}
	if !substituted {
		argv = append(argv, url)
	}
	return argv, nil
}

// substitute expands "%s" to url and "%%" to '%' in one argument; other
// '%' sequences are kept as written.
func substitute(w, url string) (string, bool) {
	var b strings.Builder
	did := false
	for i := 0; i < len(w); i++ {
		if w[i] == '%' && i+1 < len(w) {
			switch w[i+1] {
			case 's':
				b.WriteString(url)
				did = true
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(w[i])
	}
	return b.String(), did
}
