package config

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// header opens the output of `herald config`.
const header = `# Herald configuration.
# Save as $XDG_CONFIG_HOME/herald/config.yaml (usually ~/.config/herald/),
# or point --config or HERALD_CONFIG at it. Every setting is optional: one
# left out keeps the default shown here. Check a file with:
#   herald --config FILE config --path
`

// YAML prints c as a complete, commented configuration file that loads
// back to c. `herald config` prints Default().YAML().
func (c Config) YAML() []byte {
	settings := table()
	var out bytes.Buffer
	out.WriteString(header)
	for _, s := range children(settings, "") {
		out.WriteString("\n")
		out.WriteString(comment(s.doc, 80))
		root := &yaml.Node{Kind: yaml.MappingNode}
		root.Content = append(root.Content, scalar(s.name), c.node(settings, s))
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(root); err != nil {
			// Only reachable through a bug in the table: fail loudly in tests.
			panic(fmt.Sprintf("config: encode %s: %v", s.name, err))
		}
		out.Write(b.Bytes())
	}
	return out.Bytes()
}

// comment wraps doc into "# " lines of at most width columns (longer only
// for a word that does not fit on a line of its own).
func comment(doc string, width int) string {
	var b strings.Builder
	line := "#"
	for _, w := range strings.Fields(doc) {
		if len(line)+1+len(w) > width && len(line) > 1 {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}

func scalar(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}

// headComment is the documentation of a setting nested depth levels deep,
// as a yaml.v3 head comment (which the encoder indents by 2 per level).
func headComment(doc string, depth int) string {
	return strings.TrimSuffix(comment(doc, 80-2*depth), "\n")
}

// node builds the YAML value of setting s from c.
func (c Config) node(settings []setting, s *setting) *yaml.Node {
	if s.isGroup() {
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, child := range children(settings, s.name) {
			k := scalar(leafOf(child.name))
			k.HeadComment = headComment(child.doc, strings.Count(child.name, "."))
			m.Content = append(m.Content, k, c.node(settings, child))
		}
		return m
	}
	switch p := s.ref(&c).(type) {
	case *bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(*p)}
	case *int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(*p)}
	case *float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: formatNumber(*p)}
	case *string:
		return textNode(*p)
	case *[]string:
		return listNode(*p)
	case *map[string][]string:
		return c.keysNode()
	case *[]Command:
		return commandsNode(*p)
	case *[]SavedSearch:
		return searchesNode(*p)
	}
	panic(fmt.Sprintf("config: setting %s has no printer", s.name))
}

// textNode is a string that stays a string when read back: "8" must not
// come back as the number 8 (the decoder accepts both, but quoting makes
// the type plain to the reader) and "" must not come back as null.
func textNode(v string) *yaml.Node {
	n := scalar(v)
	n.Style = yaml.DoubleQuotedStyle
	return n
}

func listNode(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, it := range items {
		n.Content = append(n.Content, textNode(it))
	}
	return n
}

func (c Config) keysNode() *yaml.Node {
	order, desc := actionHelp()
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, action := range order {
		v := listNode(c.Keys[action])
		for _, k := range v.Content {
			k.Style = 0 // keys read better bare; the encoder still quotes "?" or "*"
		}
		v.LineComment = "# " + desc[action]
		m.Content = append(m.Content, scalar(action), v)
	}
	return m
}

// Markdown documents every setting and every action's default keys, for
// the README (a test keeps the README's copy equal to this).
func Markdown() string {
	settings := table()
	def := Default()
	var b strings.Builder
	b.WriteString("Every setting is optional; `herald config` prints them all with their defaults.\n\n")
	b.WriteString("| Setting | Default | Meaning |\n|---|---|---|\n")
	for i := range settings {
		s := &settings[i]
		if s.name == "keys" {
			fmt.Fprintf(&b, "| `keys` | see below | %s |\n", mdText(s.doc))
			continue
		}
		value := ""
		if !s.isGroup() {
			value = mdDefault(def, s)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", s.name, value, mdText(s.doc))
	}
	b.WriteString("\n| Action | Default keys | What it does |\n|---|---|---|\n")
	order, desc := actionHelp()
	for _, action := range order {
		keys := make([]string, len(def.Keys[action]))
		for i, k := range def.Keys[action] {
			keys[i] = "`" + mdCode(k) + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", action, strings.Join(keys, " "), mdText(desc[action]))
	}
	return b.String()
}

func mdDefault(c Config, s *setting) string {
	switch p := s.ref(&c).(type) {
	case *bool:
		return "`" + strconv.FormatBool(*p) + "`"
	case *int:
		return "`" + strconv.Itoa(*p) + "`"
	case *float64:
		return "`" + formatNumber(*p) + "`"
	case *string:
		return "`" + mdCode(strconv.Quote(*p)) + "`"
	case *[]string:
		return "`" + mdCode(fmt.Sprintf("%q", *p)) + "`"
	case *[]Command, *[]SavedSearch:
		return "none"
	}
	return ""
}

// mdText makes documentation safe inside a table cell.
func mdText(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
}

// mdCode makes text safe inside a code span in a table cell.
func mdCode(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
