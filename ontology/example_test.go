package ontology_test

import (
	"fmt"

	"kg/ontology"
)

func ExampleIsSubClassOf() {
	fmt.Println(ontology.IsSubClassOf(ontology.CountyAdministrativeBoard, ontology.Actor))
	fmt.Println(ontology.IsSubClassOf(ontology.County, ontology.Actor))
	fmt.Println(ontology.IsSubClassOf(ontology.Law, ontology.ELI+"LegalResource"))
	// Output:
	// true
	// false
	// true
}

func ExampleSuperClasses() {
	for _, c := range ontology.SuperClasses(ontology.CountyAdministrativeBoard) {
		fmt.Println(ontology.Compact(c))
	}
	// Output:
	// kgo:GovernmentAgency
	// kgo:Actor
	// org:FormalOrganization
	// schema:GovernmentOrganization
	// org:Organization
	// foaf:Agent
}

func ExampleLabels() {
	l := ontology.Labels(ontology.County)
	fmt.Println(l["sv"], "/", l["en"])
	// Output: län / county
}

func ExampleDisjoint() {
	fmt.Println(ontology.Disjoint(ontology.Region, ontology.CountyAdministrativeBoard))
	fmt.Println(ontology.Disjoint(ontology.Region, ontology.Municipality))
	// Output:
	// true
	// false
}
