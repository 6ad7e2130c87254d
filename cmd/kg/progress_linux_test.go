package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"kg/internal/testenv"
)

// openPTY opens a pseudo-terminal: what kg writes to tty, the test reads
// from pty.
func openPTY(t *testing.T) (pty, tty *os.File) {
	t.Helper()
	pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(pty.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pty, tty
}

// kgOnTerminal runs kg with stderr on a terminal and returns what the
// terminal showed.
func kgOnTerminal(t *testing.T, dir string, args ...string) (stdout, screen string) {
	t.Helper()
	pty, tty := openPTY(t)
	defer pty.Close()
	seeds, _ := filepath.Abs("../../seeds")
	cmd := exec.Command(kgBin, append([]string{"--seeds", seeds}, args...)...)
	var out bytes.Buffer
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &out, tty
	shown := make(chan string)
	go func() {
		b, _ := io.ReadAll(pty) // ends with EIO once no one holds tty
		shown <- string(b)
	}()
	err := cmd.Run()
	tty.Close()
	screen = <-shown
	if err != nil {
		t.Fatalf("kg %s: %v; terminal: %q", strings.Join(args, " "), err, screen)
	}
	return out.String(), screen
}

func TestProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	lubm := filepath.Join(testenv.Root(t), "testdata", "bench", "lubm1.nt.gz")
	_, screen := kgOnTerminal(t, dir, "load", lubm)
	// The phase, a share of the bytes read of the file's size, the time
	// spent and the estimate, redrawn in place.
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`\rparsing lubm1\.nt\.gz`),
		regexp.MustCompile(` \d+% \|█+ *\| \(\d+/476 kB, [\d.]+ [kMG]?B/s\) \[\d+s:\d+s\]`),
		// After the parsing, the sorted runs merged into the store's files.
		regexp.MustCompile(`sorting and writing data/kg +\d+% \|`),
	} {
		if !want.MatchString(screen) {
			t.Errorf("the terminal did not show %s:\n%q", want, screen)
		}
	}
	last := screen[strings.LastIndex(strings.TrimRight(screen, "\r\n"), "\n")+1:]
	if !regexp.MustCompile(`kg: loaded 100,573 triples from \S+lubm1\.nt\.gz into data/kg in \d+\.\d+ s \(\d+(\.\d)?k/s\)\r?\n$`).MatchString(screen) {
		t.Errorf("last line %q", last)
	}
	// A hierarchy in the store: the entailment shows too.
	os.WriteFile(filepath.Join(dir, "schema.ttl"), []byte(loadSchema), 0o644)
	if _, screen := kgOnTerminal(t, dir, "load", "schema.ttl"); !strings.Contains(screen, "entailing") {
		t.Errorf("a load with a hierarchy did not show the entailment: %q", screen)
	}
	// -q: nothing at all, even on a terminal.
	if _, screen := kgOnTerminal(t, dir, "-q", "load", lubm); screen != "" {
		t.Errorf("kg -q load showed %q", screen)
	}
	// export counts quads of the total.
	_, screen = kgOnTerminal(t, dir, "export", "--format=nt", "-o", "x.nt")
	if !strings.Contains(screen, "writing N-Triples") || !strings.Contains(screen, "kg: wrote ") {
		t.Errorf("export on a terminal showed %q", screen)
	}
}
