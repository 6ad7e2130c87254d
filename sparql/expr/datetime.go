package expr

import (
	"strconv"
	"strings"
	"time"

	"kg/term"
)

// dtKind tells which of the date/time types a value has.
type dtKind uint8

const (
	kDateTime dtKind = iota
	kDate
	kTime
)

func kindOfDT(datatype string) dtKind {
	switch datatype {
	case term.XSDDate:
		return kDate
	case XSDTime:
		return kTime
	}
	return kDateTime
}

// dateTime is a parsed xsd:dateTime, xsd:date or xsd:time value in its
// local (not normalised) form. Years are XSD 1.1 years: 0000 is 1 BCE.
type dateTime struct {
	kind                 dtKind
	year                 int64
	month, day           int
	hour, minute, second int
	frac                 string // fraction-of-second digits, no trailing zeros
	hasTZ                bool
	tz                   int // offset from UTC in minutes
}

func daysIn(year int64, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// digits reads exactly n ASCII digits at the start of s.
func digits(s string, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// parseDateTime reads the lexical form of the given kind. 24:00:00 is
// accepted (XSD 1.1) and becomes 00:00:00 of the next day.
func parseDateTime(s string, kind dtKind) (dateTime, bool) {
	d := dateTime{kind: kind, month: 1, day: 1}
	rest := s
	if kind != kTime {
		neg := strings.HasPrefix(rest, "-")
		if neg {
			rest = rest[1:]
		}
		n := 0
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n < 4 || n > 12 || (n > 4 && rest[0] == '0') {
			return d, false
		}
		y, _ := strconv.ParseInt(rest[:n], 10, 64)
		if neg {
			y = -y
		}
		d.year = y
		rest = rest[n:]
		var ok bool
		if len(rest) < 6 || rest[0] != '-' || rest[3] != '-' {
			return d, false
		}
		if d.month, ok = digits(rest[1:], 2); !ok || d.month < 1 || d.month > 12 {
			return d, false
		}
		if d.day, ok = digits(rest[4:], 2); !ok || d.day < 1 || d.day > daysIn(d.year, d.month) {
			return d, false
		}
		rest = rest[6:]
		if kind == kDateTime {
			if rest == "" || rest[0] != 'T' {
				return d, false
			}
			rest = rest[1:]
		}
	}
	if kind != kDate {
		var ok bool
		if len(rest) < 8 || rest[2] != ':' || rest[5] != ':' {
			return d, false
		}
		if d.hour, ok = digits(rest, 2); !ok || d.hour > 24 {
			return d, false
		}
		if d.minute, ok = digits(rest[3:], 2); !ok || d.minute > 59 {
			return d, false
		}
		if d.second, ok = digits(rest[6:], 2); !ok || d.second > 59 {
			return d, false
		}
		rest = rest[8:]
		if strings.HasPrefix(rest, ".") {
			n := 1
			for n < len(rest) && isDigit(rest[n]) {
				n++
			}
			if n == 1 {
				return d, false
			}
			d.frac = strings.TrimRight(rest[1:n], "0")
			rest = rest[n:]
		}
		if d.hour == 24 {
			if d.minute != 0 || d.second != 0 || d.frac != "" {
				return d, false
			}
			d.hour = 0
			if kind == kDateTime {
				d.addDay()
			}
		}
	}
	switch {
	case rest == "":
	case rest == "Z":
		d.hasTZ = true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, ok1 := digits(rest[1:], 2)
		m, ok2 := digits(rest[4:], 2)
		if !ok1 || !ok2 || m > 59 || h > 14 || (h == 14 && m != 0) {
			return d, false
		}
		d.hasTZ = true
		d.tz = h*60 + m
		if rest[0] == '-' {
			d.tz = -d.tz
		}
	default:
		return d, false
	}
	return d, true
}

func (d *dateTime) addDay() {
	d.day++
	if d.day > daysIn(d.year, d.month) {
		d.day = 1
		d.month++
		if d.month > 12 {
			d.month = 1
			d.year++
		}
	}
}

// daysFromCivil counts days from 1970-01-01 in the proleptic Gregorian
// calendar with astronomical year numbering.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	var era int64
	if y >= 0 {
		era = y / 400
	} else {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// instant returns seconds since the epoch in UTC; values without a
// timezone are taken as UTC (the implicit timezone).
func (d dateTime) instant() int64 {
	var days int64
	if d.kind != kTime {
		days = daysFromCivil(d.year, d.month, d.day)
	}
	return days*86400 + int64(d.hour*3600+d.minute*60+d.second) - int64(d.tz)*60
}

// cmpDateTime orders two values of the same kind by instant.
func cmpDateTime(a, b dateTime) int {
	x, y := a.instant(), b.instant()
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	fa, fb := a.frac, b.frac
	for len(fa) < len(fb) {
		fa += "0"
	}
	for len(fb) < len(fa) {
		fb += "0"
	}
	return strings.Compare(fa, fb)
}

func pad(v int64, n int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	for len(s) < n {
		s = "0" + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// tzString returns the timezone as written in a lexical form: "Z",
// "+05:30", or "" when there is none.
func (d dateTime) tzString() string {
	if !d.hasTZ {
		return ""
	}
	if d.tz == 0 {
		return "Z"
	}
	sign := "+"
	m := d.tz
	if m < 0 {
		sign, m = "-", -m
	}
	return sign + pad(int64(m/60), 2) + ":" + pad(int64(m%60), 2)
}

// canonical returns the canonical lexical form; dateTimes with a timezone
// are normalised to UTC.
func (d dateTime) canonical() string { return d.format(true) }

// format writes d without trailing zeros in the fraction and with "Z" for
// a zero offset; normalize converts a dateTime with a timezone to UTC.
func (d dateTime) format(normalize bool) string {
	if normalize && d.kind == kDateTime && d.hasTZ && d.tz != 0 {
		secs := d.instant()
		days := floorDiv(secs, 86400)
		rem := secs - days*86400
		y, m, dd := civilFromDays(days)
		d.year, d.month, d.day = y, m, dd
		d.hour, d.minute, d.second = int(rem/3600), int(rem%3600/60), int(rem%60)
		d.tz = 0
	}
	var b strings.Builder
	if d.kind != kTime {
		b.WriteString(pad(d.year, 4))
		b.WriteByte('-')
		b.WriteString(pad(int64(d.month), 2))
		b.WriteByte('-')
		b.WriteString(pad(int64(d.day), 2))
	}
	if d.kind == kDateTime {
		b.WriteByte('T')
	}
	if d.kind != kDate {
		b.WriteString(pad(int64(d.hour), 2))
		b.WriteByte(':')
		b.WriteString(pad(int64(d.minute), 2))
		b.WriteByte(':')
		b.WriteString(pad(int64(d.second), 2))
		if d.frac != "" {
			b.WriteByte('.')
			b.WriteString(d.frac)
		}
	}
	b.WriteString(d.tzString())
	return b.String()
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (int64, int, int) {
	z += 719468
	var era int64
	if z >= 0 {
		era = z / 146097
	} else {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := int(doy - (153*mp+2)/5 + 1)
	m := int(mp + 3)
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dayTimeDuration writes a timezone offset as xsd:dayTimeDuration:
// "PT0S", "-PT8H", "PT5H30M".
func dayTimeDuration(minutes int) string {
	if minutes == 0 {
		return "PT0S"
	}
	var b strings.Builder
	if minutes < 0 {
		b.WriteByte('-')
		minutes = -minutes
	}
	b.WriteString("PT")
	if h := minutes / 60; h > 0 {
		b.WriteString(strconv.Itoa(h))
		b.WriteByte('H')
	}
	if m := minutes % 60; m > 0 {
		b.WriteString(strconv.Itoa(m))
		b.WriteByte('M')
	}
	return b.String()
}

// DateTime returns t as an xsd:dateTime literal, the form NOW() uses.
func DateTime(t time.Time) term.Term {
	return term.Literal(t.Format("2006-01-02T15:04:05.999999999Z07:00"), term.XSDDateTime)
}
