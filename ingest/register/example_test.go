package register_test

import (
	"fmt"

	"kg/ingest/register"
)

func ExampleLoad() {
	r, err := register.Load()
	if err != nil {
		panic(err)
	}
	e := r.Lookup("agency:202100-1280")
	fmt.Println(e.Label, e.Names)
	fmt.Println(r.Lookup("municipality:0980").Label, r.Lookup("municipality:0980").Key)
	fmt.Println(len(r.Members("vocab:regionerna")))
	// Output:
	// Statens kulturråd [Statens kulturråd Kulturrådet]
	// Region Gotland region:09
	// 21
}

func ExampleRegistry_Names() {
	r, _ := register.Load()
	for _, n := range r.Names() {
		if n.Key == "municipality:0180" {
			fmt.Println(n.Name, n.Kind, n.Exact)
		}
	}
	// Output:
	// Stockholm short true
	// Stockholm kommun derived false
	// Stockholms kommun derived false
	// Stockholms stad label false
}

func ExampleRegistry_Clashes() {
	r, _ := register.Load()
	for _, c := range r.Clashes() {
		if c.Name == "Statskontoret" || c.Name == "Uppsala" {
			fmt.Printf("%s %v → %q\n", c.Name, c.Keys, c.Winner)
		}
	}
	// Output:
	// Statskontoret [agency:202100-0852 agency:202100-5026] → ""
	// Uppsala [county:03 municipality:0380] → "municipality:0380"
}
