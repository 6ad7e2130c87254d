package main

import (
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/catalog"
	"kg/export"
	"kg/store"
	"kg/term"
)

// publishing is what the global flags say of the publisher. Malformed
// values are usage errors.
func publishing(c *cli.Context, built time.Time) (catalog.Publishing, error) {
	p := catalog.Publishing{
		PublisherName:  global(c, "publisher-name"),
		PublisherOrgnr: global(c, "publisher-orgnr"),
		Contact:        global(c, "contact"),
		Built:          built,
	}
	if err := p.Check(); err != nil {
		return p, usagef("%v", err)
	}
	return p, nil
}

// datasetInfo describes the published dataset for the DCAT and VoID
// records.
func datasetInfo(c *cli.Context, base string, quads []term.Quad, built time.Time) (catalog.Dataset, error) {
	pub, err := publishing(c, built)
	if err != nil {
		return catalog.Dataset{}, err
	}
	return catalog.Load(global(c, "seeds"), base, pub, quads)
}

// missingPublisher is the usage error for a DCAT record whose publisher
// or contact nobody gave.
func missingPublisher(cmd string, missing []string) error {
	var flags, env []string
	for _, m := range missing {
		switch m {
		case "publisher":
			flags, env = append(flags, "--publisher-name"), append(env, "KG_PUBLISHER_NAME")
		case "contact":
			flags, env = append(flags, "--contact"), append(env, "KG_CONTACT")
		}
	}
	return usagef("%s: the DCAT record needs the dataset's %s, which kg never invents: set %s (or %s); --publisher-orgnr adds the dataportal.se IRI",
		cmd, strings.Join(missing, " and "), strings.Join(flags, " and "), strings.Join(env, ", "))
}

// storedQuadsBuilt is storedQuads with the time the graph was built.
func storedQuadsBuilt(c *cli.Context, order func(a, b term.Quad) int, buildDefault bool) ([]term.Quad, time.Time, error) {
	st, err := openBuilt(c, buildDefault)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer st.Close()
	built, err := store.BuiltAt(st)
	if err != nil {
		return nil, built, usagef("%v", err)
	}
	quads, err := store.All(c.Context, st, store.Pattern{}, order)
	return quads, built, err
}

// describeDumps adds the size and checksum of every dump to d, rendering
// each as kg serve does.
func describeDumps(d *catalog.Dataset, quads []term.Quad, opt export.Options) error {
	return export.DescribeDumps(d, func(format string) (export.Dump, error) {
		return export.RenderDump(format, quads, opt)
	})
}
