package emit

import (
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ontology"
	"kg/term"
)

// Shorthands for expected quads.
var (
	kgo    = func(l string) term.Term { return term.IRI(ontology.NS + l) }
	id     = func(l string) term.Term { return term.IRI(base + "id/" + l) }
	src    = func(k string) term.Term { return term.IRI(base + "source/" + k) }
	rep    = func(r string) term.Term { return term.IRI(base + "report/" + r) }
	pas    = func(r, p string) term.Term { return term.IRI(base + "report/" + r + "/passage/" + p) }
	fact   = func(r, p string) term.Term { return term.IRI(base + "fact/" + r + "/" + p) }
	x      = func(full string) term.Term { return term.IRI(full) }
	str    = term.String
	dflt   term.Term
	typ    = x(rdfType)
	pref   = x(skosPref)
	label  = x(rdfsLabel)
	derive = x(provDerived)
)

func q(s, p, o, g term.Term) term.Quad { return term.Quad{S: s, P: p, O: o, G: g} }

func emitFixture() []term.Quad {
	return Emit(base, []*doc.Doc{docA(), docB()}, registry())
}

func TestShape(t *testing.T) {
	quads := emitFixture()
	have := make(map[term.Quad]bool, len(quads))
	for _, qd := range quads {
		have[qd] = true
	}
	A, B := "rapport-a", "sida-b"
	regG, vocG := src("scb-regions"), src("kg-vocabulary")
	ex := x(base + "report/rapport-a/example/kulturkraft")
	tests := []struct {
		name string
		q    term.Quad
		want bool
	}{
		// The document.
		{"report type", q(rep(A), typ, kgo("Report"), dflt), true},
		{"report title", q(rep(A), x(dcTitle), sv("Rapport rapport-a"), dflt), true},
		{"publisher literal", q(rep(A), x(dcPublisher), sv("Tillväxtverket"), dflt), true},
		{"issued year-month", q(rep(A), x(dcIssued), term.Literal("2023-05", xsdGYearMonth), dflt), true},
		{"language", q(rep(A), x(dcLanguage), x(langIRIPrefix+"sv"), dflt), true},
		{"page of report", q(rep(A), x(foafPage), x("https://example.org/rapport-a"), dflt), true},
		{"pdf format", q(rep(A), x(dcFormat), str("application/pdf"), dflt), true},
		{"html format", q(rep(B), x(dcFormat), str("text/html"), dflt), true},
		{"file", q(rep(A), x(dcIdentifier), str("rapport-a.txt"), dflt), true},
		{"passage type", q(pas(A, "3-2"), typ, kgo("Passage"), dflt), true},
		{"passage part of", q(pas(A, "3-2"), x(dcIsPartOf), rep(A), dflt), true},
		{"printed page", q(pas(A, "3-2"), kgo("page"), integer(1), dflt), true},
		{"no printed page when unknown", q(pas(A, "3-1"), kgo("page"), integer(0), dflt), false},
		{"pdf page", q(pas(A, "3-1"), kgo("pdfPage"), integer(3), dflt), true},
		{"in chapter", q(pas(A, "3-2"), kgo("inChapter"), x(base+"report/rapport-a/chapter/1"), dflt), true},
		{"quote", q(pas(A, "3-2"), kgo("quote"), sv("Region Skåne har det regionala utvecklingsansvaret."), dflt), true},
		{"hyperlink", q(pas(A, "4-2"), x(rdfsSeeAlso), x("https://example.org/kulturkraft"), dflt), true},
		{"footnote link", q(pas(A, "4-4"), x(rdfsSeeAlso), x("https://example.org/fn"), dflt), true},
		{"footnote marker link", q(pas(A, "4-1"), x(rdfsSeeAlso), x("https://example.org/fn"), dflt), true},
		{"chapter", q(x(base+"report/rapport-a/chapter/1"), kgo("chapterNumber"), integer(1), dflt), true},
		{"has chapter", q(rep(A), x(dcHasPart), x(base+"report/rapport-a/chapter/1"), dflt), true},
		{"chapter from heading", q(x(base+"report/rapport-a/chapter/1"), derive, pas(A, "3-1"), dflt), true},
		{"example", q(ex, typ, kgo("WorkedExample"), dflt), true},
		{"example title", q(ex, x(dcTitle), sv("Kulturkraft"), dflt), true},
		{"example page", q(ex, kgo("page"), integer(2), dflt), true},
		{"example chapter", q(ex, kgo("inChapter"), x(base+"report/rapport-a/chapter/1"), dflt), true},
		{"example region", q(ex, kgo("involvesRegion"), id("region-skane"), pas(A, "4-1")), true},
		{"example title is no region", q(ex, kgo("involvesRegion"), id("kulturkraft"), pas(A, "4-1")), false},
		{"example footnote", q(ex, x(foafPage), x("https://example.org/fn"), pas(A, "4-4")), true},

		// A register entity: what the register says in its graph, the
		// passages that mention it as provenance.
		{"register type", q(id("region-skane"), typ, kgo("Region"), regG), true},
		{"register label", q(id("region-skane"), pref, sv("Region Skåne"), regG), true},
		{"register English label", q(id("region-skane"), label, en("Region Skåne"), regG), true},
		{"former name", q(id("region-skane"), x(skosAlt), sv("Region Skåne län"), regG), true},
		{"identifier", q(id("region-skane"), kgo("organisationNumber"), str("232100-0255"), regG), true},
		{"sameAs", q(id("region-skane"), x(ontology.OWL+"sameAs"), x("http://www.wikidata.org/entity/Q1"), regG), true},
		{"ref", q(id("region-skane"), kgo("servesCounty"), id("skane-lan"), regG), true},
		{"ref context type", q(id("skane-lan"), typ, kgo("County"), regG), true},
		{"ref context label", q(id("skane-lan"), label, sv("Skåne län"), regG), true},
		{"ref context has a prefLabel", q(id("skane-lan"), pref, sv("Skåne län"), regG), true},
		{"ref context has its identifiers", q(id("skane-lan"), kgo("scbCountyCode"), str("12"), regG), true},
		{"ref context is no mention", q(id("skane-lan"), derive, regG, dflt), false},
		{"derived from register", q(id("region-skane"), derive, regG, dflt), true},
		{"derived from passage", q(id("region-skane"), derive, pas(A, "3-2"), dflt), true},
		{"derived from other document", q(id("region-skane"), derive, pas(B, "1-1"), dflt), true},
		{"no text label for register entity", q(id("region-skane"), pref, sv("Region Skåne"), pas(A, "3-2")), false},
		{"hidden label", q(id("region-skane"), x(skosHidden), sv("Region Skånne"), pas(A, "4-3")), true},
		{"hidden is no alt", q(id("region-skane"), x(skosAlt), sv("Region Skånne"), pas(A, "4-3")), false},
		{"alt from other document", q(id("region-skane"), x(skosAlt), sv("Skåne"), pas(B, "1-1")), true},
		{"source", q(regG, typ, kgo("Source"), dflt), true},
		{"source title", q(regG, x(dcTitle), str("SCB: regioner"), dflt), true},
		{"source page", q(regG, x(foafPage), x("https://www.scb.se/regioner"), dflt), true},
		{"source licence", q(regG, x(dcLicense), x("https://creativecommons.org/publicdomain/zero/1.0/"), dflt), true},

		// confers is stated from the law to the mandate.
		{"confers swapped", q(id("lag-2010-630"), kgo("confers"), id("regionalt-utvecklingsansvar"), vocG), true},
		{"confers not forward", q(id("regionalt-utvecklingsansvar"), kgo("confers"), id("lag-2010-630"), vocG), false},
		{"law context", q(id("lag-2010-630"), typ, kgo("Act"), vocG), true},
		{"alt label where used", q(id("regionalt-utvecklingsansvar"), x(skosAlt), sv("regionala utvecklingsansvaret"), pas(A, "3-2")), true},

		// A text-only entity: class and label in each mentioning passage.
		{"text type", q(id("kulturkraft"), typ, kgo("Project"), pas(A, "3-3")), true},
		{"text label", q(id("kulturkraft"), pref, sv("Kulturkraft"), pas(B, "1-1")), true},
		{"one preferred label", q(id("kulturkraft"), pref, sv("KulturKraft"), pas(B, "1-1")), false},
		{"other label is alt", q(id("kulturkraft"), x(skosAlt), sv("KulturKraft"), pas(B, "1-1")), true},
		{"alt without mention", q(id("kulturkraft"), x(skosAlt), sv("Kulturkraften"), dflt), true},

		// The group.
		{"group type", q(id("regionerna"), typ, kgo("ActorGroup"), vocG), true},
		{"group is no region", q(id("regionerna"), typ, kgo("Region"), vocG), false},
		{"member class", q(id("regionerna"), kgo("memberClass"), kgo("Region"), vocG), true},
		{"member mentioned", q(id("regionerna"), x(foafMember), id("region-skane"), vocG), true},
		{"member context", q(id("regionerna"), x(foafMember), id("region-stockholm"), vocG), true},
		{"member context type", q(id("region-stockholm"), typ, kgo("Region"), vocG), true},
		{"group is no member of itself", q(id("regionerna"), x(foafMember), id("regionerna"), vocG), false},
		{"mentioned member has no context", q(id("region-skane"), typ, kgo("Region"), vocG), false},
		{"members only of groups of all", q(id("regionerna"), x(foafMember), id("region-gotland"), vocG), true},
		{"members the text decides", q(id("lanets-kommuner"), typ, kgo("ActorGroup"), vocG), true},
		{"collective of funds", q(id("strukturfonderna"), typ, kgo("Fund"), vocG), true},
		{"collective is no actor group", q(id("strukturfonderna"), typ, kgo("ActorGroup"), vocG), false},
		{"listed member is part", q(id("europeiska-regionala-utvecklingsfonden"), kgo("partOf"), id("strukturfonderna"), vocG), true},
		{"listed member context", q(id("europeiska-regionala-utvecklingsfonden"), typ, kgo("Fund"), vocG), true},

		// An entry of two classes, found by its other key.
		{"class", q(id("region-gotland"), typ, kgo("Region"), regG), true},
		{"also class", q(id("region-gotland"), typ, kgo("Municipality"), regG), true},
		{"example heading without list", q(x(base+"report/rapport-a/example/gotland"), kgo("involvesRegion"), id("region-gotland"), pas(A, "5-1")), true},

		// Themes.
		{"theme concept", q(id("kulturarv"), typ, x(skosConcept), vocG), true},
		{"theme scheme", q(id("kulturarv"), x(skosInScheme), id("themes"), vocG), true},
		{"broader", q(id("kulturarv"), x(skosBroader), id("kultur"), vocG), true},
		{"narrower theme is no top", q(id("themes"), x(skosTop), id("kulturarv"), vocG), false},
		{"scheme", q(id("themes"), typ, x(skosScheme), dflt), true},
		{"scheme derived", q(id("themes"), derive, vocG, dflt), true},

		// Relations.
		{"relation", q(id("regionerna"), kgo("finances"), id("kulturkraft"), pas(A, "4-2")), true},
		{"relation 2", q(id("region-skane"), kgo("holdsMandate"), id("regionalt-utvecklingsansvar"), pas(A, "3-2")), true},
		{"relation to unmentioned", q(id("region-skane"), kgo("owns"), id("ghost"), pas(A, "4-3")), false},

		// Facts.
		{"start", q(id("kulturkraft"), x(schemaStart), term.Literal("2021", term.XSDGYear), pas(A, "3-3")), true},
		{"period end", q(id("kulturkraft"), x(schemaEnd), term.Literal("2023", term.XSDGYear), pas(A, "3-3")), true},
		{"duration", q(id("kulturkraft"), x(schemaDur), term.Literal("P3Y", xsdDuration), pas(A, "3-3")), true},
		{"end date", q(id("kulturkraft"), x(schemaEnd), term.Literal("2023-12-31", term.XSDDate), pas(A, "3-3")), true},
		{"date", q(id("regionalt-utvecklingsansvar"), x(dcDate), term.Literal("2010-06", xsdGYearMonth), pas(A, "3-2")), true},
		{"amount", q(id("kulturkraft"), kgo("amount"), fact(A, "4-2-2"), pas(A, "4-2")), true},
		{"amount type", q(fact(A, "4-2-2"), typ, x(schemaMoney), pas(A, "4-2")), true},
		{"amount value", q(fact(A, "4-2-2"), x(schemaValue), term.Literal("8567000", term.XSDDecimal), pas(A, "4-2")), true},
		{"amount currency", q(fact(A, "4-2-2"), x(schemaCurr), str("SEK"), pas(A, "4-2")), true},
		{"amount text", q(fact(A, "4-2-2"), label, sv("8 567 000 kronor"), pas(A, "4-2")), true},
		{"amount qualifier", q(fact(A, "4-2-2"), kgo("qualifier"), sv("drygt"), pas(A, "4-2")), true},
		{"amount payer", q(fact(A, "4-2-2"), kgo("payer"), id("regionerna"), pas(A, "4-2")), true},
		{"amount derived", q(fact(A, "4-2-2"), derive, pas(A, "4-2"), dflt), true},
		{"untaken amount", q(fact(A, "4-2-1"), typ, x(schemaMoney), pas(A, "4-2")), false},
		{"share", q(id("region-skane"), kgo("ownershipShare"), fact(A, "4-3-1"), pas(A, "4-3")), true},
		{"share type", q(fact(A, "4-3-1"), typ, x(schemaQuant), pas(A, "4-3")), true},
		{"share unit", q(fact(A, "4-3-1"), x(schemaUnit), str("P1"), pas(A, "4-3")), true},
		{"share value", q(fact(A, "4-3-1"), x(schemaValue), term.Literal("40", term.XSDDecimal), pas(A, "4-3")), true},
		{"share of", q(fact(A, "4-3-1"), kgo("shareOf"), id("almi-syd"), pas(A, "4-3")), true},
	}
	for _, tt := range tests {
		if have[tt.q] != tt.want {
			if tt.want {
				t.Errorf("%s: missing %v", tt.name, tt.q)
			} else {
				t.Errorf("%s: unexpected %v", tt.name, tt.q)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := emitFixture(), emitFixture()
	if !slices.Equal(a, b) {
		t.Fatal("two runs on the same input differ")
	}
	for i := 1; i < len(a); i++ {
		if c := term.CompareQuads(a[i-1], a[i]); c >= 0 {
			t.Fatalf("not sorted or duplicated at %d: %v, %v", i, a[i-1], a[i])
		}
	}
}

// TestMerge: an entity two documents mention is one node with one
// preferred label per language, derived from the passages of both.
func TestMerge(t *testing.T) {
	quads := emitFixture()
	for _, ent := range []string{"region-skane", "kulturkraft"} {
		prefs := map[string]int{}
		docs := map[string]bool{}
		for _, qd := range quads {
			if qd.S != id(ent) {
				continue
			}
			switch qd.P {
			case pref:
				prefs[qd.O.Lang+"\x00"+qd.O.Value]++
			case derive:
				if r, _, ok := strings.Cut(strings.TrimPrefix(qd.O.Value, base+"report/"), "/"); ok {
					docs[r] = true
				}
			}
		}
		byLang := map[string]int{}
		for k := range prefs {
			lang, _, _ := strings.Cut(k, "\x00")
			byLang[lang]++
		}
		for lang, n := range byLang {
			if n != 1 {
				t.Errorf("%s has %d preferred labels @%s", ent, n, lang)
			}
		}
		if !docs["rapport-a"] || !docs["sida-b"] {
			t.Errorf("%s is derived from the passages of %v, want both documents", ent, docs)
		}
	}
}

// TestNoEntityWithoutMention: an entity no passage mentions, and what a
// relation or fact says of it, is left out.
func TestNoEntityWithoutMention(t *testing.T) {
	for _, qd := range emitFixture() {
		if qd.S == id("ghost") || qd.O == id("ghost") {
			t.Errorf("unmentioned entity emitted: %v", qd)
		}
	}
}

// TestProvenance checks the invariants that answer "where does it say
// so?": every named graph is a passage carrying its quote or a source;
// every entity is derived from something, or is register context (only
// stated by a register and typed in its source's graph); relations and facts sit in a
// passage's graph.
func TestProvenance(t *testing.T) {
	quads := emitFixture()
	quoted, sources := map[term.Term]bool{}, map[term.Term]bool{}
	derived := map[term.Term]bool{}
	for _, qd := range quads {
		switch {
		case qd.P.Value == ontology.Quote && qd.G.IsZero():
			quoted[qd.S] = true
		case qd.P == typ && qd.O == kgo("Source") && qd.G.IsZero():
			sources[qd.S] = true
		case qd.P == derive && qd.G.IsZero():
			derived[qd.S] = true
		}
	}
	textual := map[string]bool{ // properties only a passage states
		ontology.NS + "finances": true, ontology.NS + "holdsMandate": true, ontology.InvolvesRegion: true,
		schemaStart: true, schemaEnd: true, schemaDur: true, dcDate: true,
		ontology.Amount: true, ontology.OwnershipShare: true, ontology.Payer: true, ontology.ShareOf: true,
	}
	typed, context := map[term.Term]bool{}, map[term.Term]bool{}
	for _, qd := range quads {
		if !qd.G.IsZero() && !quoted[qd.G] && !sources[qd.G] {
			t.Errorf("graph %v is neither a quoted passage nor a source: %v", qd.G, qd)
		}
		if textual[qd.P.Value] && !quoted[qd.G] {
			t.Errorf("%v is not in a passage's graph", qd)
		}
		s := qd.S.Value
		isNode := strings.HasPrefix(s, base+"id/") || strings.HasPrefix(s, base+"fact/")
		if !isNode || derived[qd.S] {
			continue
		}
		if !sources[qd.G] {
			t.Errorf("%v: its subject has no prov:wasDerivedFrom and is not register context", qd)
		}
		if qd.P == typ {
			typed[qd.S] = true
		} else {
			context[qd.S] = true
		}
	}
	for s := range context {
		if !typed[s] {
			t.Errorf("register context %v has no type", s)
		}
	}
	if len(quoted) == 0 || len(sources) == 0 {
		t.Fatalf("%d passages and %d sources", len(quoted), len(sources))
	}
}

// TestTermsDeclared: every term in kg's namespace the emitter writes is
// declared by the ontology.
func TestTermsDeclared(t *testing.T) {
	for _, qd := range emitFixture() {
		for _, tm := range []term.Term{qd.P, qd.O} {
			if tm.IsIRI() && strings.HasPrefix(tm.Value, ontology.NS) {
				if _, ok := ontology.Lookup(tm.Value); !ok {
					t.Errorf("%s is not in the ontology: %v", ontology.Compact(tm.Value), qd)
				}
			}
		}
	}
	for _, r := range refProps {
		if _, ok := ontology.Lookup(r.iri); !ok && !strings.HasPrefix(r.iri, ontology.SKOS) {
			t.Errorf("register link %s maps to %s, which the ontology lacks", r.name, r.iri)
		}
	}
}

func TestLiterals(t *testing.T) {
	dates := []struct {
		in, datatype string
	}{
		{"2021", term.XSDGYear},
		{"2021-03", xsdGYearMonth},
		{"2021-03-01", term.XSDDate},
		{"2021-13", ""},
		{"21", ""},
		{"2021-3-1", ""},
		{"", ""},
	}
	for _, tt := range dates {
		lit, ok := dateLiteral(tt.in)
		if ok != (tt.datatype != "") || (ok && (lit.Datatype != tt.datatype || lit.Value != tt.in)) {
			t.Errorf("dateLiteral(%q) = %v, %v; want datatype %q", tt.in, lit, ok, tt.datatype)
		}
	}
	durations := map[string]bool{"P3Y": true, "P18M": true, "PT2H": true, "P1Y2M3DT4H": true, "P": false, "PT": false, "3Y": false, "P1YT": false}
	for in, want := range durations {
		if _, ok := durationLiteral(in); ok != want {
			t.Errorf("durationLiteral(%q) ok = %v, want %v", in, ok, want)
		}
	}
	props := map[string]bool{"servesCounty": true, "http://www.w3.org/2002/07/owl#sameAs": true, "owl:sameAs": false, "has space": false, "": false}
	for in, want := range props {
		if _, ok := property(in); ok != want {
			t.Errorf("property(%q) ok = %v, want %v", in, ok, want)
		}
	}
}

// TestEmpty: no documents, no registry, no quads.
func TestEmpty(t *testing.T) {
	if got := Emit(base, nil, nil); len(got) != 0 {
		t.Errorf("%d quads from nothing", len(got))
	}
}

// TestMembersTheTextDecides: a group whose members the text decides
// ("länets kommuner") has no members from the register.
func TestMembersTheTextDecides(t *testing.T) {
	for _, qd := range emitFixture() {
		if qd.S == id("lanets-kommuner") && qd.P == x(foafMember) {
			t.Errorf("unexpected member: %v", qd)
		}
	}
}
