// Package eval evaluates SPARQL 1.1 queries, given as kg/sparql/algebra
// values, against a Dataset.
//
// Query runs any query form and returns a Result (Vars and Rows for
// SELECT, Bool for ASK, Triples for CONSTRUCT and DESCRIBE); Select streams
// the rows of a SELECT query instead. Explain shows the physical plan
// without running it; Analyze and ExplainAnalyze run the query and report
// the plan it took, with each operator's loops, solutions and time and
// each join group step's cardinality estimate and actual row count (the
// counters exist only in such runs). Cancelling the context stops a
// running query promptly: every loop over matches, path steps, hash
// probes, groups and sort comparisons checks it now and then, and the
// error wraps both ErrCanceled and the context's error.
//
// The Dataset interface is deliberately narrow — match quads by pattern,
// estimate a pattern's size, list the named graphs — so that the in-memory
// MemDataset of this package and the persistent store can both serve
// queries. MemDataset dictionary-encodes terms to integers and keeps sorted
// SPO, POS and OSP indexes per graph; the evaluator reads it by term id.
// A query's FROM and FROM NAMED clauses (algebra.Query.Dataset) are applied
// by the caller, who loads what they name and wraps the store with
// Restrict.
//
// Basic graph patterns, together with the property paths, VALUES tables
// and FILTER conditions joined to them, form join groups evaluated as index
// nested-loop joins: the next step is the one with the smallest
// cardinality estimate for the values bound so far, and each filter runs
// as soon as its variables are bound. A filter that fixes a variable to
// one term (sameTerm, or "=" with an IRI or a string) also joins the group
// as a one-row VALUES step, so the term is looked up in the indexes rather
// than every match tested. Joins whose right side depends only
// on the bindings of the left are evaluated by substitution, the others by
// hash join. ORDER BY, GROUP BY and the right sides of MINUS and of hash
// joins are materialised; everything else streams.
//
// Over a MemDataset the operators above the join groups use term ids too:
// a group that only counts the matches of one triple pattern reads the
// counts off index ranges; grouping by one variable hashes ids; an EXISTS
// tested for many solutions becomes a hash semi-join on ids once that
// pays. Two triple patterns of a group that come to lack only the same
// variable are matched together by merging their sorted index ranges. An
// ORDER BY under a LIMIT keeps only the rows the limit reads.
//
// A dataset that evaluates joins itself (a Joiner, such as PostgreSQL)
// is handed whole patterns where the evaluator can translate them
// exactly: join groups with the filters on terms that compare by
// identity, OPTIONAL as left-joined groups, EXISTS, NOT EXISTS and MINUS
// as correlated subjoins, and COUNTs grouped by variables. An OPTIONAL or
// join it cannot hand over whole probes its right side once per batch of
// left solutions rather than once per solution.
package eval
