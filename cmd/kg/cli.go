package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// This file gives the command line the manners of git and go: usage errors
// are one line on stderr that names the mistake and where help is, flags
// may follow positional arguments, "kg help COMMAND" works, and an unknown
// command is answered with the nearest known one.

// permute reorders argv so that urfave/cli, which stops reading flags at
// the first positional argument, sees every flag: global flags written
// after the command move before it (unless the command has a flag of the
// same name), the command's flags come next and its positional arguments
// last, after "--" so that none of them is taken for a flag. Arguments
// after a "--" of the user's stay positional; "-" is positional (stdin).
func permute(app *cli.App, argv []string) []string {
	if len(argv) == 0 {
		return argv
	}
	globals := flagTable(app.Flags)
	pre := []string{argv[0]}
	i := 1
	for i < len(argv) && isFlag(argv[i]) {
		a := argv[i]
		pre = append(pre, a)
		i++
		if needsValue(globals, a) && i < len(argv) {
			pre = append(pre, argv[i])
			i++
		}
	}
	if i >= len(argv) || argv[i] == "--" {
		return append(pre, argv[i:]...)
	}
	cmd := findCommand(app, argv[i])
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return append(pre, argv[i:]...)
	}
	name := argv[i]
	i++
	local := flagTable(cmd.Flags)
	local["help"], local["h"] = false, false
	var flags, pos []string
	for i < len(argv) {
		a := argv[i]
		i++
		if a == "--" {
			pos = append(pos, argv[i:]...)
			break
		}
		if !isFlag(a) {
			pos = append(pos, a)
			continue
		}
		table, dst := local, &flags
		if _, ok := local[flagName(a)]; !ok {
			if _, ok := globals[flagName(a)]; ok {
				table, dst = globals, &pre
			}
		}
		*dst = append(*dst, a)
		if needsValue(table, a) && i < len(argv) {
			*dst = append(*dst, argv[i])
			i++
		}
	}
	out := append(append(pre, name), flags...)
	if len(pos) > 0 {
		out = append(append(out, "--"), pos...)
	}
	return out
}

// errorLine is the one line kg prints for err; a usage error names the
// help of the command it concerns.
func errorLine(app *cli.App, args []string, err error) string {
	msg := oneLine(err.Error())
	var u usageError
	if !errors.As(err, &u) || strings.Contains(msg, "--help") {
		return msg
	}
	help := "kg"
	if cmd := commandOf(app, args); cmd != nil {
		help += " " + cmd.Name
	}
	return msg + " (see " + help + " --help)"
}

// commandOf returns the command that args (as permute leaves them) run.
func commandOf(app *cli.App, args []string) *cli.Command {
	globals := flagTable(app.Flags)
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			return nil
		case isFlag(a):
			if needsValue(globals, a) {
				i++
			}
		default:
			return findCommand(app, a)
		}
	}
	return nil
}

// flagTable maps every name and alias of flags to whether it takes a
// value.
func flagTable(flags []cli.Flag) map[string]bool {
	m := map[string]bool{}
	for _, f := range flags {
		takes := true
		if d, ok := f.(cli.DocGenerationFlag); ok {
			takes = d.TakesValue()
		}
		for _, n := range f.Names() {
			m[n] = takes
		}
	}
	return m
}

func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// flagName strips the dashes and any "=value" from a flag argument.
func flagName(a string) string {
	a = strings.TrimLeft(a, "-")
	if i := strings.IndexByte(a, '='); i >= 0 {
		a = a[:i]
	}
	return a
}

// needsValue reports whether the flag argument a takes the next argument
// as its value.
func needsValue(table map[string]bool, a string) bool {
	return !strings.Contains(a, "=") && table[flagName(a)]
}

func findCommand(app *cli.App, name string) *cli.Command {
	for _, c := range app.Commands {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// commandNames lists the visible commands.
func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names
}

// unknownCommand is the usage error for a command kg does not have.
func unknownCommand(app *cli.App, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if s := nearest(name, commandNames(app)); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return usagef("%s (see kg --help)", msg)
}

// onUsageError turns urfave/cli's flag errors into one-line usage errors
// that name the command's --help.
func onUsageError(c *cli.Context, err error, isSubcommand bool) error {
	where := "kg"
	var flags []cli.Flag
	if c.Command != nil && c.Command.Name != "" && isSubcommand {
		where = "kg " + c.Command.Name
		flags = c.Command.Flags
	} else {
		flags = c.App.Flags
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		msg = "unknown flag " + dashed(name)
		var names []string
		for _, f := range flags {
			names = append(names, f.Names()...)
		}
		if s := nearest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %s?", dashed(s))
		}
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		msg = dashed(strings.TrimLeft(name, "-")) + " needs a value"
	}
	if where == "kg" {
		return usagef("%s (see kg --help)", msg)
	}
	return usagef("%s: %s (see %s --help)", strings.TrimPrefix(where, "kg "), msg, where)
}

// dashed writes a flag name as it is typed: -q, --store.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// nearest returns the candidate closest to s: one that s is a prefix of,
// or else one within a third of its length in edits; "" when none is
// close.
func nearest(s string, candidates []string) string {
	if len(s) >= 2 {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) {
				return c
			}
		}
	}
	best, bestD := "", max(1, len(s)/3)+1
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and transpositions of neighbours.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// rootAction runs when no command is named: an unknown word is a usage
// error, and kg alone prints its help on stderr.
func rootAction(c *cli.Context) error {
	if c.NArg() > 0 {
		return unknownCommand(c.App, c.Args().First())
	}
	c.App.Writer = os.Stderr
	cli.ShowAppHelp(c)
	return usagef("no command given (see kg --help)")
}

func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show the commands, or the help of one command",
		ArgsUsage: "[COMMAND]",
		Description: "The same as kg --help and kg COMMAND --help.\n\n" +
			"Example:\n   kg help\n   kg help query",
		Action: func(c *cli.Context) error {
			switch c.NArg() {
			case 0:
				return cli.ShowAppHelp(c)
			case 1:
				name := c.Args().First()
				if findCommand(c.App, name) == nil {
					return unknownCommand(c.App, name)
				}
				return cli.ShowCommandHelp(c.Lineage()[1], name)
			}
			return usagef("help: name one command (see kg help --help)")
		},
	}
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:        "version",
		Usage:       "print kg's version, from the build information",
		Description: "The same as kg --version.\n\nExample:\n   kg version",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("version: unexpected argument %q (see kg version --help)", c.Args().First())
			}
			printVersion(c)
			return nil
		},
	}
}

// version describes this binary from its build information: the module
// version the go command stamped (a tag, or a pseudo-version made from the
// commit) and, when it did not, the commit itself.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if v == "" || v == "(devel)" {
		v = "devel"
		if rev := settings["vcs.revision"]; rev != "" {
			v += " " + rev[:min(12, len(rev))]
			if settings["vcs.modified"] == "true" {
				v += "+dirty"
			}
		}
	}
	return v
}

func printVersion(c *cli.Context) {
	fmt.Fprintf(c.App.Writer, "kg %s (%s %s/%s)\n", c.App.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
