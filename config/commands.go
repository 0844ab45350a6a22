package config

import "gopkg.in/yaml.v3"

// Named commands for the pipe key: each is a name the picker shows, a
// command line (words split on white space, no shell) and what it reads
// on stdin. The setting is a mapping so that the names read as in the
// picker and keep the order they were written in.

// Command is one entry of the commands setting.
type Command struct {
	Name string
	// Run is the command line: words split on white space, no shell.
	Run string
	// Input is PipeMarkdown or PipeURL.
	Input string
}

// PipeCommands lists what the pipe key offers: the commands setting in
// file order, and the older single pipe setting as a command named "pipe"
// (unless commands already has one by that name).
func (c Config) PipeCommands() []Command {
	out := append([]Command(nil), c.Commands...)
	if c.Pipe == "" {
		return out
	}
	for _, cmd := range out {
		if cmd.Name == "pipe" {
			return out
		}
	}
	return append(out, Command{Name: "pipe", Run: c.Pipe, Input: c.PipeInput})
}

const commandsExample = `for example "  summary: summarise --short" on the next line`

// commands decodes name: "command line" or name: {run: ..., input: ...}.
func (d *decoder) commands(s *setting, v *yaml.Node) []Command {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		d.p.add(v.Line, s.name, "expected named commands indented below it, got "+got(v), commandsExample)
		return nil
	}
	var out []Command
	d.entries(v, s.name, func(k, val *yaml.Node, name string) {
		path := s.name + "." + name
		cmd := Command{Name: name, Input: PipeMarkdown}
		if hasControl(name) || name == "" {
			d.p.add(k.Line, path, "the name must be printable text", "")
			return
		}
		switch {
		case val.Kind == yaml.MappingNode:
			if !d.commandFields(path, val, &cmd) {
				return
			}
		case val.Kind == yaml.ScalarNode && !isNull(val):
			cmd.Run = val.Value
		default:
			d.p.add(val.Line, path, "expected a command line or run: and input:, got "+got(val), "")
			return
		}
		norm, problem, hint := checkCommand(cmd.Run, d.env)
		if problem == "" && norm == "" {
			problem, hint = "no command given", `write "run: command line"`
		}
		if problem != "" {
			d.p.add(val.Line, path, problem, hint)
			return
		}
		cmd.Run = norm
		out = append(out, cmd)
	})
	return out
}

// commandFields reads the long form's run and input into cmd.
func (d *decoder) commandFields(path string, v *yaml.Node, cmd *Command) bool {
	ok := true
	d.entries(v, path, func(k, val *yaml.Node, field string) {
		text := ""
		if val.Kind == yaml.ScalarNode && !isNull(val) {
			text = val.Value
		} else if field == "run" || field == "input" {
			d.p.add(val.Line, path+"."+field, "expected text, got "+got(val), "")
			ok = false
			return
		}
		switch field {
		case "run":
			cmd.Run = text
		case "input":
			norm, problem, hint := checkPipeInput(text, d.env)
			if problem != "" {
				d.p.add(val.Line, path+".input", problem, hint)
				ok = false
				return
			}
			cmd.Input = norm
		default:
			d.p.add(k.Line, path+"."+field, "unknown setting", didYouMean(field, []string{"run", "input"}))
			ok = false
		}
	})
	return ok
}

// validateCommands checks commands built in code (Validate).
func validateCommands(p *problems, cmds []Command) {
	for _, c := range cmds {
		path := "commands." + c.Name
		if _, problem, hint := checkCommand(c.Run, nil); problem != "" {
			p.add(0, path, problem, hint)
		} else if c.Run == "" {
			p.add(0, path, "no command given", "")
		}
		if _, problem, hint := checkPipeInput(c.Input, nil); problem != "" {
			p.add(0, path+".input", problem, hint)
		}
	}
}

// commandsNode prints the long form, which shows what each reads.
func commandsNode(cmds []Command) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, c := range cmds {
		fields := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle,
			Content: []*yaml.Node{scalar("run"), textNode(c.Run), scalar("input"), scalar(c.Input)}}
		m.Content = append(m.Content, textNode(c.Name), fields)
	}
	if len(cmds) == 0 {
		m.Style = yaml.FlowStyle
	}
	return m
}
