package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
)

// meter shows the progress of one phase of long work on a terminal: what
// is being done, how much (items, and bytes of the total where they are
// known), how fast, and an estimate of the time left. A nil meter (piped
// stderr, --quiet) shows nothing, so callers need not check.
type meter struct {
	bar   *progressbar.ProgressBar
	phase string
	unit  string // what items are: "triples", "quads"
	items int64
	start time.Time
	last  time.Time
	stop  chan struct{} // of a spinner's redrawing
	done  chan struct{}
}

// meter starts a phase. With total > 0 and bytes set, the bar measures
// bytes read of total; with total > 0 alone, items of total; otherwise it
// spins and counts.
func (l *logger) meter(phase, unit string, total int64, bytes bool) *meter {
	if l.quiet || !l.tty {
		return nil
	}
	max := int64(-1)
	if total > 0 {
		max = total
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(l.w),
		progressbar.OptionSetDescription(phase),
		progressbar.OptionSetWidth(24),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetPredictTime(total > 0),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
		progressbar.OptionSpinnerType(14),
	}
	if bytes {
		opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionShowTotalBytes(true), progressbar.OptionShowCount())
	} else if total > 0 {
		opts = append(opts, progressbar.OptionShowCount())
	}
	now := time.Now()
	return &meter{bar: progressbar.NewOptions64(max, opts...), phase: phase, unit: unit, start: now}
}

// Reader counts what r reads against the meter's bytes.
func (m *meter) Reader(r io.Reader) io.Reader {
	if m == nil {
		return r
	}
	return &meterReader{r: r, m: m}
}

type meterReader struct {
	r io.Reader
	m *meter
}

func (mr *meterReader) Read(p []byte) (int, error) {
	n, err := mr.r.Read(p)
	mr.m.bar.Add(n)
	return n, err
}

// Items records that n items are done in all; the description shows the
// count and the rate of items, the bar itself bytes or items.
func (m *meter) Items(n int64) {
	if m == nil {
		return
	}
	m.items = n
	if now := time.Now(); now.Sub(m.last) >= 100*time.Millisecond {
		m.last = now
		m.bar.Describe(fmt.Sprintf("%s: %s %s, %s", m.phase, thousands(n), m.unit, rate(n, now.Sub(m.start))))
	}
}

// Describe replaces what the meter says it is doing.
func (m *meter) Describe(s string) {
	if m != nil {
		m.bar.Describe(s)
	}
}

// Set sets the bar of an item meter to n done.
func (m *meter) Set(n int64) {
	if m != nil {
		m.bar.Set64(n)
	}
}

// Finish clears the meter's line.
func (m *meter) Finish() {
	if m == nil {
		return
	}
	if m.stop != nil {
		close(m.stop)
		<-m.done
		m.stop = nil
	}
	m.bar.Finish()
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// count writes n things: "1 triple", "1,001,716 triples".
func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return thousands(int64(n)) + " " + unit + "s"
}

// rate writes n per d as 164k/s.
func rate(n int64, d time.Duration) string {
	if d <= 0 {
		return "-/s"
	}
	r := float64(n) / d.Seconds()
	switch {
	case r >= 1e6:
		return fmt.Sprintf("%.1fM/s", r/1e6)
	case r >= 1e4:
		return fmt.Sprintf("%.0fk/s", r/1e3)
	case r >= 1e3:
		return fmt.Sprintf("%.1fk/s", r/1e3)
	}
	return fmt.Sprintf("%.0f/s", r)
}

// seconds writes d as 6.1 s, or 0.23 s below one second.
func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// spinner starts a meter for a phase whose size is unknown and that
// reports nothing while it runs (reading a store, counting): it shows the
// phase and the time spent, redrawn until Finish.
func (l *logger) spinner(phase string) *meter {
	m := l.meter(phase, "", 0, false)
	if m == nil {
		return nil
	}
	m.stop = make(chan struct{})
	m.done = make(chan struct{})
	go func() {
		defer close(m.done)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-m.stop:
				return
			case <-t.C:
				m.bar.RenderBlank()
			}
		}
	}()
	return m
}
