package config

import (
	"reflect"
	"strings"
	"testing"
)

// TestCommandsDecode: both forms, file order kept, the old pipe setting
// folded in as a command named pipe.
func TestCommandsDecode(t *testing.T) {
	cfg, err := Parse("/x/config.yaml", []byte(`pipe: cat -n
commands:
  summary: summarise --short
  mail:
    run: mail -s news me@example.com
    input: url
  notes: {run: "save-note", input: markdown}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Command{
		{Name: "summary", Run: "summarise --short", Input: PipeMarkdown},
		{Name: "mail", Run: "mail -s news me@example.com", Input: PipeURL},
		{Name: "notes", Run: "save-note", Input: PipeMarkdown},
		{Name: "pipe", Run: "cat -n", Input: PipeMarkdown},
	}
	if got := cfg.PipeCommands(); !reflect.DeepEqual(got, want) {
		t.Errorf("commands\n got %+v\nwant %+v", got, want)
	}
	if err := cfg.Validate(); err != nil {
		t.Error(err)
	}
	back, err := Parse("/x/config.yaml", cfg.YAML())
	if err != nil || !reflect.DeepEqual(back, cfg) {
		t.Errorf("round trip: %v\n got %+v\nwant %+v\n%s", err, back, cfg, cfg.YAML())
	}
}

func TestCommandsErrors(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"unknown key", "commands:\n  mail:\n    run: mail me\n    inptu: url\n",
			`/x/c.yaml:4: commands.mail.inptu: unknown setting (did you mean "input"?)`},
		{"bad input", "commands:\n  mail:\n    run: mail me\n    input: html\n",
			`/x/c.yaml:4: commands.mail.input: unknown pipe input "html" (use markdown or url)`},
		{"no command", "commands:\n  mail:\n    input: url\n",
			`/x/c.yaml:3: commands.mail: no command given (write "run: command line")`},
		{"not a mapping", "commands: [cat]\n",
			`/x/c.yaml:1: commands: expected named commands indented below it, got a list`},
		{"duplicate name", "commands:\n  a: cat\n  a: wc\n",
			`/x/c.yaml:3: commands.a: set twice (first on line 2) (keep one)`},
		{"a list as command", "commands:\n  a: [cat, -n]\n",
			`/x/c.yaml:2: commands.a: expected a command line or run: and input:, got a list`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parseFails(t, c.yaml, c.want)
		})
	}
}

// parseFails checks that yaml, parsed as /x/c.yaml, is refused with an
// error whose first line starts with want, and that the defaults come back.
func parseFails(t *testing.T, yaml, want string) {
	t.Helper()
	cfg, err := Parse("/x/c.yaml", []byte(yaml))
	if err == nil {
		t.Fatal("no error")
	}
	if first := strings.SplitN(err.Error(), "\n", 2)[0]; !strings.HasPrefix(first, want) {
		t.Errorf("error\n got: %s\nwant: %s", first, want)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Error("a failed load returned something other than the defaults")
	}
}
