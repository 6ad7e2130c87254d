// Package facts is the pipeline stage that reads dates, periods, amounts
// of money and shares out of sentences and attaches each to the entity it
// belongs to (doc.Fact).
//
// It runs after sentences, mentions and linked entities exist, and adds
// Doc.Facts. Finding values and attaching them are separate steps:
//
//   - Find reads the values of one sentence's text with their verbatim
//     spans ("8 567 000 kronor", "2021–2027", "1 januari 2019", "treårig"),
//     tells their kind from Swedish cues ("från och med" starts, "till och
//     med" ends, "beslutade" and "senast" date) and normalises them:
//     amounts to an xsd:decimal and an ISO 4217 code, shares to a
//     percentage, dates to xsd:date, xsd:gYearMonth or xsd:gYear, stated
//     durations to xsd:duration. Hedge words and scope ("drygt", "för
//     2022", "varje år") go to the qualifier. A year with no cue is no
//     value: missing a fact is better than stating a false one.
//   - Normalise gives the same canonical form for a value as written, so
//     that gold annotations and extracted facts compare alike.
//   - The stage attaches each value through the mentions of its sentence:
//     an amount to the instrument that is the money or receives it, else to
//     the recipient with the payer or source as Other; a share only where a
//     verb of owning makes it a holding, to its holder with the company as
//     Other (the name a relative "som" stands for, else the company of the
//     share before, also in the sentence before: "Resterande 49 procent ägs
//     av …"); a date, start, end or period to the focus of a cleft ("är det
//     X som"), else to the nearest instrument, mandate or law that is not
//     merely gone by ("enligt PBL"), a start or end with none of them to the
//     nearest actor of its own clause. A value no entity takes is counted
//     in Stats and left out.
//
// Offsets in Value are bytes of the text given to Find; in doc.Fact they
// are bytes of the passage, as everywhere in the Doc.
package facts
