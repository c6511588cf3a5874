// Package search builds the site's search index from the content model and
// answers queries over it.
//
// The index is one JSON file published as a fingerprinted asset
// (search-index.json). Text is folded here, at build time, by content.Fold
// (lowercase, no accents, œ → oe), then split on anything but letters and
// digits, with compétence codes such as b7.c2 kept whole. Every distinct
// word is stored once with the length of its stem, and each document lists
// its words by number, so the browser only has to fold and stem the query.
//
// Matching and ranking are written twice, here and in the theme's
// static/search.js, and must stay identical: the browser test in this
// package compares the two on real queries. A query term matches a word
// that is equal (5 points), has the same stem (4), is of the same word
// family (3: Family takes derivational endings off the stem, so that
// sécurité finds sécurisation and évaluer évaluateur; the root is computed
// from the stem in the browser too, so the index does not grow), starts
// with the term (3, not for numbers), or, for terms of five letters or
// more, is one edit away (2). Every term must match (AND). A term scores three times more in a
// title than in a body. Results are grouped by kind — métiers, blocs,
// compétences, critères, pages — and kinds with a title match come first, so
// a métier named by the query leads; within a kind, title matches come
// before body matches, then by score, then in site order.
//
// When a query finds nothing, search.js alone suggests up to three queries
// that find something, made of the index's words nearest to the query's
// unmatched terms (edit distance, or the same first four letters); the
// browser test TestSuggestions checks that each suggestion finds results.
package search
