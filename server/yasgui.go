package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// The query page mounts YASGUI (npm @zazuko/yasgui 4.6.2, MIT; see
// static/yasgui-LICENSE.txt), compiled in as static/yasgui.min.js and
// static/yasgui.min.css, over its plain form when scripts run; the form,
// and the server-rendered results it posts for, stay the page for readers
// without JavaScript and for every result page. static/query-yasgui.js
// configures it: this server's endpoint, kg's prefixes, the examples.

// yasguiConfig is what the page hands static/query-yasgui.js, as JSON.
type yasguiConfig struct {
	Query    string            `json:"query"`    // the editor's first query
	Prefixes map[string]string `json:"prefixes"` // for the results table
	Base     string            `json:"base"`     // IRIs under it link to this server's pages
}

func (s *Server) yasguiConfig(query string) *yasguiConfig {
	c := &yasguiConfig{Query: query, Prefixes: map[string]string{}, Base: s.base}
	for _, p := range s.prefix {
		c.Prefixes[p.Name] = p.IRI
	}
	return c
}

// yasguiStyles are the two style elements YASGUI's results table adds
// (its column resizer): the fixed rules it adds when it draws a table, and
// the cursor while a column is dragged. They are read from the bundle, so
// that the policy admits exactly what it adds.
var yasguiStyles = func() []string {
	js, err := assets.ReadFile("static/yasgui.min.js")
	if err != nil {
		panic(err)
	}
	const call = "createStyle(a,`"
	i := bytes.Index(js, []byte(call+" .grip-resizable{"))
	drag := "`*{cursor:`+n.opt.dragCursor+`!important}`"
	if i < 0 || !bytes.Contains(js, []byte(drag)) || !bytes.Contains(js, []byte("dragCursor:`col-resize`")) {
		panic("static/yasgui.min.js: the column resizer's style elements are not where kg expects them; update yasguiStyles")
	}
	rest := js[i+len(call):]
	return []string{string(rest[:bytes.IndexByte(rest, '`')]), "*{cursor:col-resize!important}"}
}()

// queryPolicy is the Content-Security-Policy of the query page. It widens
// the policy of every other page in three ways, none beyond the server's
// own origin: script-src admits the server's own script files (YASGUI and
// the script that configures it) besides the page's one inline script;
// style-src admits, by hash, the two style elements of YASGUI's table; and
// connect-src lets YASGUI send queries to /sparql. Nothing is loaded from
// elsewhere, and no other inline script or style runs.
var queryPolicy = func() string {
	var styles []string
	for _, s := range yasguiStyles {
		h := sha256.Sum256([]byte(s))
		styles = append(styles, "'sha256-"+base64.StdEncoding.EncodeToString(h[:])+"'")
	}
	return fmt.Sprintf("default-src 'none'; style-src 'self' %s; img-src 'self' data:; script-src 'self' '%s'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
		strings.Join(styles, " "), scriptHash)
}()

// setQueryPolicy replaces the policy for the query page.
func setQueryPolicy(h http.Header) { h.Set("Content-Security-Policy", queryPolicy) }

// gzipStatic holds the gzip form of the large compiled-in assets (YASGUI's
// bundle is 1 MB, about a quarter of that compressed), made on first
// request; gzipMin is the size from which an asset is compressed.
var gzipStatic sync.Map // name → []byte

const gzipMin = 32 << 10

// staticGzip returns the gzip form of the asset name with body b, or nil
// when it is too small to be worth it.
func staticGzip(name string, b []byte) []byte {
	if len(b) < gzipMin {
		return nil
	}
	if z, ok := gzipStatic.Load(name); ok {
		return z.([]byte)
	}
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	zw.Write(b) // writes to a buffer do not fail
	zw.Close()
	z, _ := gzipStatic.LoadOrStore(name, out.Bytes())
	return z.([]byte)
}
