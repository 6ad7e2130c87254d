package facts_test

import (
	"fmt"

	"kg/ingest/doc"
	"kg/ingest/facts"
)

func ExampleFind() {
	for _, v := range facts.Find("För 2024 har regionen tilldelats drygt 85,5 miljoner kronor för perioden 2024–2026, från och med den 1 mars 2024.") {
		fmt.Printf("%s %q value=%q currency=%q from=%q to=%q qualifier=%q\n", v.Kind, v.Text, v.Value, v.Currency, v.From, v.To, v.Qualifier)
	}
	// Output:
	// amount "85,5 miljoner kronor" value="85500000" currency="SEK" from="" to="" qualifier="drygt; För 2024"
	// period "2024–2026" value="" currency="" from="2024" to="2026" qualifier=""
	// start "1 mars 2024" value="" currency="" from="2024-03-01" to="" qualifier=""
}

func ExampleNormalise() {
	fmt.Println(facts.Normalise(doc.Amount, "1,2 mnkr"))
	fmt.Println(facts.Normalise(doc.Period, "treårig"))
	fmt.Println(facts.Normalise(doc.Start, "från och med år 2011"))
	// Output:
	// 1200000 SEK   true
	// P3Y    true
	//   2011  true
}
