package rdfio

import (
	"strings"
	"testing"
)

func TestRDFXML(t *testing.T) {
	const head = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/" xmlns:h="http://www.w3.org/1999/xhtml"`
	cases := []struct{ name, doc, want string }{
		{"typed node, attributes, lang", head + ` xml:lang="SV"><e:Region rdf:about="r1" e:name="Skåne"><e:pop rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1400000</e:pop></e:Region></rdf:RDF>`,
			`<http://b/r1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/Region> .
<http://b/r1> <http://e/name> "Skåne"@sv .
<http://b/r1> <http://e/pop> "1400000"^^<http://www.w3.org/2001/XMLSchema#integer> .
`},
		{"XML literal keeps used namespaces only", head + `><rdf:Description rdf:about="x"><e:body rdf:parseType="Literal"><h:p class="a">1 &lt; 2<h:br/></h:p></e:body></rdf:Description></rdf:RDF>`,
			`<http://b/x> <http://e/body> "<h:p xmlns:h=\"http://www.w3.org/1999/xhtml\" class=\"a\">1 &lt; 2<h:br></h:br></h:p>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .
`},
		{"li, collection, reification", head + `><rdf:Seq rdf:about="s"><rdf:li>a</rdf:li><rdf:li rdf:ID="st">b</rdf:li></rdf:Seq><rdf:Description rdf:about="c"><e:l rdf:parseType="Collection"><rdf:Description rdf:about="i"/></e:l></rdf:Description></rdf:RDF>`,
			`<http://b/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Seq> .
<http://b/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#_1> "a" .
<http://b/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#_2> "b" .
<http://b/#st> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
<http://b/#st> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <http://b/s> .
<http://b/#st> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <http://www.w3.org/1999/02/22-rdf-syntax-ns#_2> .
<http://b/#st> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> "b" .
<http://b/c> <http://e/l> _:l .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://b/i> .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var prefixes []string
			got := parseString(t, ParseRDFXML, c.doc, Options{Base: "http://b/", OnPrefix: func(p, _ string) { prefixes = append(prefixes, p) }})
			if !Isomorphic(got, nquads(t, c.want)) {
				t.Errorf("got:\n%swant:\n%s", dump(got), c.want)
			}
			if strings.Join(prefixes, ",") != "rdf,e,h" {
				t.Errorf("OnPrefix saw %v", prefixes)
			}
		})
	}
}
