// The query page with YASGUI: mounts the editor over the page's plain
// form, which stays for readers without JavaScript, with this server's
// endpoint, kg's prefixes and the page's example queries.
(function () {
  "use strict";
  var section = document.getElementById("yasgui-section");
  var mount = document.getElementById("yasgui");
  var config = document.getElementById("yasgui-config");
  var form = document.getElementById("query-form");
  if (!section || !mount || !config || typeof Yasgui !== "function") return;
  var cfg = JSON.parse(config.textContent);
  var endpoint = new URL("/sparql", location.href).href;
  var yasgui = new Yasgui(mount, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,
    persistenceId: null,
    autofocus: false,
    yasqe: { autocompleters: ["prefixes", "variables"], persistenceId: null },
    yasr: { prefixes: cfg.prefixes, defaultPlugin: "table", persistenceId: null }
  });
  var tab = yasgui.getTab();
  tab.setQuery(cfg.query);
  section.hidden = false;
  if (form) form.hidden = true;

  // YASGUI leaves some of its fields without a name; give them one, from
  // their placeholder or a fixed name, whenever it draws new ones.
  var names = {
    ".CodeMirror textarea": "SPARQL query",
    "input.autocomplete": "SPARQL endpoint",
    "select.tableSizer": "Page size"
  };
  function nameFields() {
    Object.keys(names).forEach(function (sel) {
      mount.querySelectorAll(sel).forEach(function (el) {
        if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", names[sel]);
      });
    });
    mount.querySelectorAll("input, select, textarea").forEach(function (el) {
      if ((el.labels && el.labels.length) || el.getAttribute("aria-label")) return;
      var name = el.getAttribute("placeholder") || el.getAttribute("title");
      if (name) el.setAttribute("aria-label", name);
    });
  }
  // The results link IRIs this server mints to its own pages, as the
  // server-rendered table does, whatever host it runs on.
  function localLinks() {
    if (!cfg.base) return;
    mount.querySelectorAll(".yasr a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.indexOf(cfg.base) === 0) {
        a.setAttribute("href", "/" + href.slice(cfg.base.length));
        a.removeAttribute("target");
      }
    });
  }
  function tidy() { nameFields(); localLinks(); }
  tidy();
  new MutationObserver(tidy).observe(mount, { childList: true, subtree: true });

  // The examples load into the editor; their titles run them too.
  document.querySelectorAll("#examples .example").forEach(function (li) {
    var text = li.querySelector(".example-text");
    if (!text) return;
    li.querySelectorAll(".example-run, .example-load").forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        e.stopImmediatePropagation();
        var t = yasgui.getTab();
        t.setQuery(text.textContent);
        if (a.classList.contains("example-run")) t.query();
        section.scrollIntoView();
      });
    });
  });
})();
