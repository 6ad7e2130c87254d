// Package eval measures kg's extractor against hand-made gold annotations:
// it scores the graph built from one text against that text's gold file
// and adds the scores of a corpus up.
//
// A gold file (ReadGold) lists the text's entities in the five classes
// Actor, Law, Instrument, Mandate and Theme, the relations the text states
// between them and its dated or numeric facts, as testdata/corpus/GUIDELINES.md
// describes. Score reads the graph as the emitter writes it: entities are
// nodes typed with an ontology class under one of the five (the top class
// comes from the ontology's hierarchy; kgo:ActorGroup with kgo:memberClass is
// a group of actors), named by rdfs:label and SKOS labels, mentioned when
// they have prov:wasDerivedFrom a passage (anything but a register's
// kgo:Source). Typed nodes without a passage are register context and are
// counted apart, not judged. Relations are kgo properties between entities;
// facts are schema:startDate, schema:endDate, schema:duration and
// dcterms:date literals and kgo:amount and kgo:ownershipShare value nodes.
//
// The Report gives entity precision and recall per class and subclass and
// micro-averaged, relation recall and precision, mandates with holders,
// fact recall per kind, and the lists of missed and spurious items. Merge
// adds reports up; WriteText and WriteJSON print them. The command
// "kg eval" builds each text of a corpus alone and prints its score.
package eval
