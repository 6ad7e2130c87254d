package relate

// A cue is a Swedish verb or phrase that states a relation between a name
// before it and a name after it (or, in the passive, the other way round).
type cue struct {
	p       string   // ontology property
	words   []string // the cue, lower case, word by word; "*" matches any one word
	passive bool     // the object stands before the cue and the subject after ("tas fram av X")
	after   bool     // subject and object both follow the cue, in that order ("under ledning av X drivs Y")
	phrase  bool     // the subject may stand in a prepositional phrase ("I förordningen tydliggörs ansvaret")
	subj    []string // allowed subject classes (top classes cover their subclasses)
	obj     []string
}

var (
	actor      = []string{"Actor"}
	instrument = []string{"Instrument"}
	law        = []string{"Law"}
	fundLike   = []string{"Fund", "Appropriation", "Programme"}
	funded     = []string{"Instrument", "Actor"}
	collective = []string{"Network", "Partnership", "Platform", "Association", "PoliticalBody"}
	funder     = []string{"Fund", "Appropriation", "Programme", "Actor"}
	anything   = []string{"Actor", "Instrument", "Law", "Mandate", "Theme"}
)

// cues of the genre, longest first within a property where it matters.
var cues = append(baseCues, fundingCues()...)

// fundingCues are the passive and the participles of "finansiera" and its
// compounds with the prepositions that name where the money comes from:
// "finansieras av", "medfinansierades via", "ett projekt finansierat
// genom".
func fundingCues() []cue {
	var out []cue
	for _, prefix := range []string{"", "med", "del"} {
		for _, form := range []string{"finansieras", "finansierades", "finansierad", "finansierat", "finansierade"} {
			for _, prep := range []string{"av", "genom", "med", "via", "från"} {
				out = append(out, cue{p: "fundedBy", words: []string{prefix + form, prep}, subj: funded, obj: funder})
			}
		}
	}
	return out
}

var baseCues = []cue{
	// who draws up, runs or is in charge of an instrument
	{p: "responsibleFor", words: []string{"tar", "fram"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"tagit", "fram"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"tog", "fram"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"ta", "fram"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"ansvarar", "för"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"ansvar", "för"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"ansvaret", "för"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"driver"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"drivs", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"leder"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"leds", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"samordnar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"samordnas", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"förvaltar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"förvaltas", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"upprättar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"fastställer"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"beslutar", "om"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"utarbetar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"tas", "fram", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"togs", "fram", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"har", "tagits", "fram", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"initierade"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"startade"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"arrangerar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"genomförs", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"ägs", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antagits", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antogs", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antog"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antagit"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"antas", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"beslutas", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"beslutades", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"tagits", "fram", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"initiativet", "till"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"arbetar", "med"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"arbetat", "med"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"genomför"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"genomfört"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"administrerar"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"arrangeras", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"under", "ledning", "av"}, after: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"på", "initiativ", "av"}, after: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"anordnas", "av"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"erbjuder"}, subj: actor, obj: instrument},
	// "I Region X bedrivs en satsning under namnet Y": the actor in the
	// phrase before the passive runs it
	{p: "responsibleFor", words: []string{"bedrivs"}, phrase: true, subj: actor, obj: instrument},
	// taking part
	{p: "participatesIn", words: []string{"deltar", "i"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"medverkar", "i"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"deltagit", "i"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"ingår", "i"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"är", "med", "i"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"anslöt", "sig", "till"}, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"i", "samverkan", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"i", "samarbete", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samarbetar", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samverkar", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"i", "samråd", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"i", "partnerskap", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samverkan", "mellan"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samarbete", "mellan"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"partners", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"parter", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samverkanspartner", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samarbetspartner", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"deltar"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samverkar"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"går", "samman"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"ingår", "också"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"ingår", "även"}, passive: true, subj: actor, obj: instrument},
	{p: "memberOf", words: []string{"partnerskap", "mellan"}, passive: true, subj: actor, obj: collective},
	{p: "participatesIn", words: []string{"partnerskap", "mellan"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samverkan", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"samarbete", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"projektägare", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"projektägare"}, passive: true, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"huvudman", "för"}, subj: actor, obj: instrument},
	{p: "responsibleFor", words: []string{"huvudman", "är"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"tillsammans", "med"}, passive: true, subj: actor, obj: instrument},
	{p: "participatesIn", words: []string{"utarbetas", "i", "samverkan", "med"}, passive: true, subj: actor, obj: instrument},
	// money: an active verb states who pays (finances); a passive one or a
	// source ("finansieras av", "med stöd från") what the money comes from
	// (fundedBy), an actor as well as a fund
	{p: "finances", words: []string{"finansierar"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"medfinansierar"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"fördelar", "medel", "till"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"bidrar", "med", "*", "till"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"beviljade"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"stöttar"}, subj: actor, obj: []string{"Instrument"}},
	{p: "finances", words: []string{"fördelar"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"bevilja"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"beviljar"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"anslag", "till"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"bidrag", "till"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"bidrar", "till", "finansieringen", "av"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"bidrar", "till", "att", "finansiera"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"svarar", "för", "finansieringen", "av"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "finances", words: []string{"står", "för", "finansieringen", "av"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "fundedBy", words: []string{"tilldelats"}, subj: []string{"Actor", "Instrument"}, obj: fundLike},
	{p: "fundedBy", words: []string{"beviljats"}, subj: []string{"Actor", "Instrument"}, obj: fundLike},
	{p: "fundedBy", words: []string{"tilldelades"}, subj: []string{"Actor", "Instrument"}, obj: fundLike},
	{p: "fundedBy", words: []string{"beviljades"}, subj: []string{"Actor", "Instrument"}, obj: fundLike},
	{p: "finances", words: []string{"medfinansiär"}, subj: actor, obj: instrument},
	{p: "finances", words: []string{"medfinansiärer"}, subj: actor, obj: instrument},
	{p: "finances", words: []string{"finansiär"}, subj: actor, obj: instrument},
	{p: "finances", words: []string{"finansiärer"}, subj: actor, obj: instrument},
	// "regionerna är finansiärer i science parks": the role with what it is held in
	{p: "finances", words: []string{"finansiär", "i"}, subj: actor, obj: funded},
	{p: "finances", words: []string{"finansiärer", "i"}, subj: actor, obj: funded},
	{p: "finances", words: []string{"medfinansiär", "i"}, subj: actor, obj: funded},
	{p: "finances", words: []string{"medfinansiärer", "i"}, subj: actor, obj: funded},
	{p: "finances", words: []string{"delfinansierar"}, subj: actor, obj: []string{"Instrument", "Actor"}},
	{p: "fundedBy", words: []string{"finansieringen", "kommer", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"finansiering", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"medfinansiering", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"delfinansiering", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"finansiering", "av"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"medel", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"stöd", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"stöd", "av"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"bidrag", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"stöttas", "av"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"stöds", "av"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"tilldelats", "medel", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"beviljats", "medel", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"får", "medel", "från"}, subj: funded, obj: funder},
	{p: "fundedBy", words: []string{"inom", "ramen", "för"}, subj: []string{"Project"}, obj: fundLike},
	// "Strategin har tagits fram inom ramen för satsningen X": made within a
	// larger undertaking (after fundedBy: a project within a fund's
	// programme is paid from it)
	{p: "partOf", words: []string{"inom", "ramen", "för"}, subj: instrument, obj: []string{"Project", "Programme", "Strategy", "Plan"}},
	// ownership and membership
	// a brand names an event or a platform as well as a company
	{p: "owns", words: []string{"äger", "varumärket"}, subj: actor, obj: []string{"Company", "Association", "Actor", "Instrument"}},
	{p: "owns", words: []string{"äger"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägs", "av"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägas", "av"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägs", "gemensamt", "av"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägs", "i", "samverkan", "mellan"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägs", "gemensamt", "mellan"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"delägare", "i"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"aktier", "i"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"aktierna", "i"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägare", "av"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"ägare", "till"}, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "owns", words: []string{"helägt", "av"}, passive: true, subj: actor, obj: []string{"Company", "Association", "Actor"}},
	{p: "memberOf", words: []string{"är", "medlem", "i"}, subj: actor, obj: []string{"Actor", "Network", "Partnership", "Platform"}},
	{p: "memberOf", words: []string{"medlemmar", "i"}, subj: actor, obj: []string{"Actor", "Network", "Partnership", "Platform"}},
	{p: "memberOf", words: []string{"består", "av"}, passive: true, subj: actor, obj: collective},
	// the organisations listed may be networks themselves
	{p: "memberOf", words: []string{"ingår", "även", "organisationerna"}, passive: true, subj: []string{"Actor", "Network"}, obj: collective},
	{p: "memberOf", words: []string{"medlemmar", "är"}, passive: true, subj: actor, obj: collective},
	// parts and implementation
	{p: "partOf", words: []string{"är", "en", "del", "av"}, subj: anything, obj: anything},
	{p: "partOf", words: []string{"utgör", "en", "del", "av"}, subj: anything, obj: anything},
	{p: "partOf", words: []string{"ingår", "i"}, subj: []string{"Instrument", "Theme"}, obj: instrument},
	{p: "partOf", words: []string{"inom"}, subj: []string{"Project"}, obj: []string{"Programme", "Strategy", "Plan"}},
	{p: "implements", words: []string{"genomför"}, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"för", "att", "genomföra"}, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"bidrar", "till", "genomförandet", "av"}, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"ligger", "till", "grund", "för"}, passive: true, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"ligga", "till", "grund", "för"}, passive: true, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"legat", "till", "grund", "för"}, passive: true, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"utgår", "från"}, subj: instrument, obj: instrument},
	{p: "implements", words: []string{"utifrån"}, subj: instrument, obj: []string{"Strategy", "Plan"}},
	// laws
	{p: "governs", words: []string{"regleras", "i"}, passive: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"regleras", "av"}, passive: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"enligt"}, passive: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"reglerar"}, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"tydliggörs"}, phrase: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"regleras"}, phrase: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"anges"}, phrase: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"finns", "bestämmelser", "om"}, phrase: true, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"styr"}, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "governs", words: []string{"bestämmelser", "om"}, subj: law, obj: []string{"Instrument", "Mandate"}},
	{p: "requires", words: []string{"kräver"}, subj: []string{"Law", "Programme"}, obj: instrument},
	{p: "requires", words: []string{"ställer", "krav", "på"}, subj: []string{"Law", "Programme"}, obj: instrument},
	{p: "requires", words: []string{"ska", "ta", "fram"}, subj: []string{"Law"}, obj: instrument},
}
