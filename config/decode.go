package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The file is decoded to a yaml.Node tree first, never straight into
// structs: the tree keeps line numbers for messages, lets us see duplicate
// and unknown keys (which yaml.Unmarshal into a struct would silently take
// or drop), and is walked against the settings table, so every value is
// checked with the setting's own rules.

// parse decodes data over the defaults. On any problem it returns the
// defaults and every problem found (up to maxErrors), joined.
func parse(path string, data []byte, getenv func(string) string) (Config, error) {
	p := &problems{path: path}
	root, line, msg, hint := parseYAML(data)
	if msg != "" {
		p.add(line, "", msg, hint)
		return Default(), p.err()
	}
	d := &decoder{
		cfg:      Default(),
		settings: table(),
		env:      &env{dir: filepath.Dir(path), getenv: getenv},
		p:        p,
		lines:    &keyLines{action: map[string]int{}, key: map[string]map[string]int{}},
	}
	if root != nil {
		d.mapping(root, "")
	}
	validateKeys(p, d.cfg.Keys, d.lines)
	if err := p.err(); err != nil {
		return Default(), err
	}
	return d.cfg, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// parseYAML parses the single document in data. root is nil for an empty
// file (or one holding only comments or null). A syntax error comes back
// as a line, a short message and maybe a hint.
func parseYAML(data []byte) (root *yaml.Node, line int, msg, hint string) {
	defer func() {
		// yaml.v3 has panicked on hostile input before; a config file must
		// never crash herald.
		if r := recover(); r != nil {
			root, line, msg, hint = nil, 0, "invalid YAML: the parser gave up on this file", ""
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, 0, "", ""
		}
		line, msg, hint = syntaxError(data, err)
		return nil, line, msg, hint
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		line, msg, hint = syntaxError(data, err)
		return nil, line, msg, hint
	default:
		return nil, next.Line, "more than one YAML document", `remove the "---" separator and what follows`
	}
	if len(doc.Content) == 0 {
		return nil, 0, "", ""
	}
	root = doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return nil, 0, "", ""
	}
	if root.Kind != yaml.MappingNode {
		return nil, root.Line, "the file must be a mapping of settings", `write "setting: value" lines`
	}
	return root, 0, "", ""
}

// syntaxError turns a yaml.v3 error into a line and a short message.
func syntaxError(data []byte, err error) (int, string, string) {
	text := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = m[2]
	}
	text = strings.TrimPrefix(text, "yaml: ")
	if len(text) > 120 {
		text = text[:120] + "..."
	}
	hint := ""
	if line > 0 {
		lines := bytes.Split(data, []byte("\n"))
		for i := line - 1; i >= 0 && i >= line-2 && i < len(lines); i-- {
			if bytes.HasPrefix(bytes.TrimLeft(lines[i], " "), []byte("\t")) {
				hint = "indent with spaces, not tabs"
			}
		}
	}
	return line, "invalid YAML: " + clean(text), hint
}

type decoder struct {
	cfg      Config
	settings []setting
	env      *env
	p        *problems
	lines    *keyLines
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// entries walks a mapping's key/value pairs, reporting keys that are not
// plain words, aliases and duplicates, and calls f for the rest.
func (d *decoder) entries(n *yaml.Node, prefix string, f func(k, v *yaml.Node, name string)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.p.add(k.Line, prefix, "names must be plain words", `write "name: value"`)
			continue
		}
		name := k.Value
		if first, dup := seen[name]; dup {
			d.p.add(k.Line, join(prefix, name), fmt.Sprintf("set twice (first on line %d)", first), "keep one")
			continue
		}
		seen[name] = k.Line
		if v.Kind == yaml.AliasNode {
			d.p.add(k.Line, join(prefix, name), "YAML aliases (*name) are not supported", "write the value out")
			continue
		}
		f(k, v, name)
	}
}

// mapping decodes the settings of one group ("" = the top level).
func (d *decoder) mapping(n *yaml.Node, prefix string) {
	d.entries(n, prefix, func(k, v *yaml.Node, name string) {
		s, ok := lookup(d.settings, join(prefix, name))
		if !ok {
			d.p.add(k.Line, join(prefix, name), "unknown setting", d.unknownHint(prefix, name))
			return
		}
		d.value(s, k, v)
	})
}

// unknownHint suggests the nearest setting in the same group, or the full
// name when the word is a setting of another group ("split_at" at the top).
func (d *decoder) unknownHint(prefix, name string) string {
	var here []string
	for _, s := range children(d.settings, prefix) {
		here = append(here, leafOf(s.name))
	}
	if best := closest(name, here); best != "" {
		return fmt.Sprintf("did you mean %q?", join(prefix, best))
	}
	// Not close to anything here: maybe a setting of another group, such
	// as "split_at" written at the top level. Short words are left out:
	// "x" is one edit from too many names to be a useful hint.
	for _, s := range d.settings {
		leaf := leafOf(s.name)
		if leaf == name || len(name) > 4 && closest(name, []string{leaf}) != "" {
			return fmt.Sprintf("did you mean %q?", s.name)
		}
	}
	return ""
}

func (d *decoder) value(s *setting, k, v *yaml.Node) {
	line := v.Line
	if s.isGroup() {
		switch {
		case isNull(v):
		case v.Kind == yaml.MappingNode:
			d.mapping(v, s.name)
		default:
			first := children(d.settings, s.name)[0]
			d.p.add(line, s.name, "expected settings indented below it",
				fmt.Sprintf("for example %q on the next line", "  "+leafOf(first.name)+": ..."))
		}
		return
	}
	switch p := s.ref(&d.cfg).(type) {
	case *bool:
		if b, ok := d.boolean(s, v); ok {
			*p = b
		}
	case *int:
		if n, ok := d.integer(s, v); ok && checkNumber(d.p, s, line, float64(n)) {
			*p = n
		}
	case *float64:
		if f, ok := d.float(s, v); ok && checkNumber(d.p, s, line, f) {
			*p = f
		}
	case *string:
		if t, ok := d.text(s, v); ok {
			if norm, ok := checkText(d.p, s, line, t, d.env); ok {
				*p = norm
			}
		}
	case *[]string:
		*p = d.list(s, v)
	case *map[string][]string:
		d.keys(v)
	case *[]Command:
		*p = d.commands(s, v)
	case *[]SavedSearch:
		*p = d.searches(s, v)
	}
}

func isNull(v *yaml.Node) bool { return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" }

// got describes a value for "expected X, got Y" messages.
func got(v *yaml.Node) string {
	switch {
	case isNull(v):
		return "nothing"
	case v.Kind == yaml.MappingNode:
		return "a mapping"
	case v.Kind == yaml.SequenceNode:
		return "a list"
	}
	return quote(v.Value)
}

func (d *decoder) boolean(s *setting, v *yaml.Node) (bool, bool) {
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" {
		var b bool
		if v.Decode(&b) == nil {
			return b, true
		}
	}
	hint := ""
	switch strings.ToLower(v.Value) {
	case "yes", "on", "y", "enabled", "enable", "1":
		hint = `did you mean "true"?`
	case "no", "off", "n", "disabled", "disable", "0":
		hint = `did you mean "false"?`
	}
	d.p.add(v.Line, s.name, "expected true or false, got "+got(v), hint)
	return false, false
}

func (d *decoder) integer(s *setting, v *yaml.Node) (int, bool) {
	var n int
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int" && v.Decode(&n) == nil {
		return n, true
	}
	d.p.add(v.Line, s.name, "expected a whole number, got "+got(v),
		fmt.Sprintf("use %s to %s", formatNumber(s.lo), formatNumber(s.hi)))
	return 0, false
}

func (d *decoder) float(s *setting, v *yaml.Node) (float64, bool) {
	var f float64
	if v.Kind == yaml.ScalarNode && (v.ShortTag() == "!!float" || v.ShortTag() == "!!int") && v.Decode(&f) == nil {
		return f, true
	}
	d.p.add(v.Line, s.name, "expected a number, got "+got(v),
		fmt.Sprintf("use %s to %s", formatNumber(s.lo), formatNumber(s.hi)))
	return 0, false
}

// text accepts a string, and numbers and dates as written (a colour 8, a
// key 1, a date format 2006-01-02); null is the empty string.
func (d *decoder) text(s *setting, v *yaml.Node) (string, bool) {
	if v.Kind == yaml.ScalarNode {
		switch v.ShortTag() {
		case "!!str", "!!int", "!!float", "!!timestamp":
			return v.Value, true
		case "!!null":
			return "", true
		}
	}
	hint := ""
	if v.Kind == yaml.ScalarNode {
		hint = "put it in quotes"
	}
	d.p.add(v.Line, s.name, "expected text, got "+got(v), hint)
	return "", false
}

// list decodes a list of texts; a single text is a list of one.
func (d *decoder) list(s *setting, v *yaml.Node) []string {
	items := []*yaml.Node{v}
	switch {
	case isNull(v):
		return nil
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	}
	var out []string
	for _, item := range items {
		if item.Kind == yaml.AliasNode {
			d.p.add(item.Line, s.name, "YAML aliases (*name) are not supported", "write the value out")
			continue
		}
		if t, ok := d.text(s, item); ok {
			if norm, ok := checkText(d.p, s, item.Line, t, d.env); ok {
				out = append(out, norm)
			}
		}
	}
	return out
}

// keys decodes the key bindings: each action given replaces that action's
// default keys. Conflicts are checked afterwards, on the merged map.
func (d *decoder) keys(v *yaml.Node) {
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.p.add(v.Line, "keys", "expected actions indented below it, got "+got(v),
			`for example "  quit: [q]" on the next line`)
		return
	}
	order, _ := actionHelp()
	names := teaKeyNames()
	d.entries(v, "keys", func(k, val *yaml.Node, action string) {
		setting := "keys." + action
		if _, ok := d.cfg.Keys[action]; !ok {
			d.p.add(k.Line, setting, "unknown action", didYouMean(action, order))
			return
		}
		d.lines.action[action] = k.Line
		items := []*yaml.Node{val}
		switch {
		case isNull(val):
			d.p.add(val.Line, setting, "no keys given", "write [] to disable the action")
			return
		case val.Kind == yaml.SequenceNode:
			items = val.Content
		}
		keys := []string{}
		lines := map[string]int{}
		for _, item := range items {
			if item.Kind != yaml.ScalarNode || isNull(item) {
				d.p.add(item.Line, setting, "expected a key name, got "+got(item), "")
				continue
			}
			norm, problem, hint := checkKey(item.Value, names)
			if problem != "" {
				d.p.add(item.Line, setting, problem, hint)
				continue
			}
			if _, dup := lines[norm]; dup {
				d.p.add(item.Line, setting, fmt.Sprintf("key %s is listed twice", quote(norm)), "")
				continue
			}
			lines[norm] = item.Line
			keys = append(keys, norm)
		}
		d.lines.key[action] = lines
		d.cfg.Keys[action] = keys
	})
}
