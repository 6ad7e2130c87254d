package expr

import (
	"strings"

	"kg/term"
)

type dateField uint8

const (
	fieldYear dateField = iota
	fieldMonth
	fieldDay
	fieldHours
	fieldMinutes
	fieldSeconds
	fieldTimezone
	fieldTZ
)

// dateFn wraps the accessors YEAR ... TZ. They take xsd:dateTime as the
// specification says, and also xsd:date (for the date fields) and xsd:time
// (for the time fields), like the XPath functions they map to. Values
// are the local ones, not normalised to UTC.
func dateFn(name string, f dateField) func(*Context, []term.Term) (term.Term, error) {
	return func(_ *Context, a []term.Term) (term.Term, error) {
		t := a[0]
		if t.Kind != term.KindLiteral {
			return term.Term{}, typeErr("%s of %s", name, kindName(t))
		}
		k := kindOfDT(t.Datatype)
		allowed := t.Datatype == term.XSDDateTime ||
			(k == kDate && t.Datatype == term.XSDDate && (f <= fieldDay || f >= fieldTimezone)) ||
			(k == kTime && t.Datatype == XSDTime && f >= fieldHours)
		if !allowed {
			return term.Term{}, typeErr("%s needs an xsd:dateTime, got %s", name, t)
		}
		d, ok := parseDateTime(t.Value, k)
		if !ok {
			return term.Term{}, typeErr("%s: invalid %s", name, t)
		}
		switch f {
		case fieldYear:
			return number{t: tInteger, i: d.year}.term(), nil
		case fieldMonth:
			return Integer(int64(d.month)), nil
		case fieldDay:
			return Integer(int64(d.day)), nil
		case fieldHours:
			return Integer(int64(d.hour)), nil
		case fieldMinutes:
			return Integer(int64(d.minute)), nil
		case fieldSeconds:
			s := pad(int64(d.second), 2)
			if d.frac != "" {
				s += "." + d.frac
			}
			n, _ := parseDecimalLex(s)
			return n.term(), nil
		case fieldTimezone:
			if !d.hasTZ {
				return term.Term{}, typeErr("TIMEZONE: %s has no timezone", t)
			}
			return term.Literal(dayTimeDuration(d.tz), XSDDayTimeDuration), nil
		}
		// TZ gives the timezone as written: "Z", "-08:00", "+00:00" or "".
		if !d.hasTZ {
			return term.String(""), nil
		}
		if strings.HasSuffix(t.Value, "Z") {
			return term.String("Z"), nil
		}
		return term.String(t.Value[len(t.Value)-6:]), nil
	}
}
