// Package importer turns a référentiel de compétences, as exported from the
// official tables, into the content files of cursus: one content/blocs/bN.toml
// per bloc and content/modalites.toml. It is the library behind
// `cursus import FILE [-o DIR]`:
//
//	lang := msg.Of(cfg.LanguageCode)                        // the site's language
//	src, err := importer.ReadTable(lang, "ref.txt")          // at most MaxTableSize
//	r, err := importer.ImportWith("ref.txt", src, os.DirFS(dir), importer.Options{Lang: lang}) // err: file:line:col lines
//	for _, w := range r.Warnings { fmt.Println(w) }         // decisions to check
//	for _, c := range r.Changes { fmt.Println(c.Kind.Text(lang), c.Path) } // --dry-run: and c.Diff
//	for _, it := range r.Report { fmt.Println(it.Text(lang)) } // kept, replaced, added…
//	err = importer.Write(dir, r)                            // all files or none
//
// Every message a person reads (errors, warnings, the report) comes from
// the catalogue of generator/msg, in the language given; Import speaks
// French, the default.
//
// # Input
//
// The export is tab-separated text, UTF-8 with or without BOM, LF or CRLF.
// Each bloc is a "Bloc N : title" row (trailing tabs or not), a header row
// (Activités / Métiers, Compétence(s), Modalités d'évaluation, Critères
// d'évaluation), then one row per compétence. Cells hold HTML fragments:
// entities are decoded, inline tags (<i>, <b>…) removed, block tags (<p>,
// <ul>, <li>, <br>…) separate items, white space is collapsed, and the
// space a removed tag leaves before a comma is dropped; the text is
// otherwise kept word for word. Blank lines are ignored.
//
// A table is at most 8 MiB (MaxTableSize): the export of a référentiel
// weighs tens of kilobytes, a megabyte or two with the markup of a word
// processor, so a larger file is refused at the line and column where it
// passes the limit ("le tableau dépasse 8 Mio"). ReadTable reads a regular
// file or a pipe, as in cursus import <(iconv -f latin1 -t utf-8 ref.txt),
// and stops reading past the limit; it refuses a directory or a device
// such as /dev/zero before reading. The memory of an import is
// proportional to the table: about 5 times its size for text, however long
// its lines, more for what the text holds, since every criterion and
// compétence is a record and lines of TOML however short: 30 times for a
// table of one-letter criteria, 100 times (800 MB at the limit) for one of
// one-letter rows. An import reports at most 100 errors, then stops
// reading, and 100 warnings, then counts the others.
//
// The first cell lists the activities, one per paragraph, then the métiers
// after "Métier :" or "Métiers :", as "- " items or <li> items; a title may
// hold commas and slashes. An empty first or modalités cell is a merged
// cell: it belongs to the rows above in the same bloc, until a row gives a
// new one. An empty compétence cell continues the compétence above.
//
// A modalités cell holds "Name (detail)" items, split on paragraphs or after
// the closing parenthesis. Ids come from existing content (same name), then
// from a table of the official names ("Mises en situation professionnelle"
// is mise-en-situation, "Contrôle continu" controle-continu), then from the
// slug of the name. A bloc lists every modalité its rows use; a compétence
// lists its own only when they differ from its bloc's.
//
// # Criteria
//
// Criteria cells are split on paragraphs, then on criteria the export ran
// together ("…qualité de la synthèse produite Clarté et précision…"). A
// criterion is a noun phrase headed by an abstract noun of assessment
// (Pertinence, Degré, Qualité, Capacité…) or a sentence ("Les risques sont
// identifiés"), so a split happens at a capital where the criterion before
// could end. Never inside parentheses, never on an acronym or technical name
// (two capitals or more: SI, PSSI, IoT, DevOps), a word with a digit or
// slash (ISO 27001, Cloud/virtualisée), nor after a word a criterion cannot
// end with (de, la, du, l’, en, à, et, pour, avec… or a trailing comma):
// a capital there is a name ("de la Sécurité sociale"). Always before a known
// head noun, and after a full stop. A capitalised article or preposition
// (Les, L’, Chaque, Dans…) starts a sentence, so a criterion, unless a
// capital follows it as in a name ("le journal Le Monde"). After another
// capitalised word, a capital continues a name ("Microsoft Azure", "API
// REST Spring"). Any other capital follows a criterion that could end
// there and usually starts a new one: it is split when it looks like a
// head (a noun suffix, or a complement after it: "Exploitabilité des",
// "Lien avec", "Proposer des") and kept when it looks like a name ("la
// méthode Scrum et", "en équipe Agile"). What stays uncertain gives a
// Warning at its file:line:col, so that a person checks it. The seed table
// gives no warning.
//
// # Existing content
//
// The table decides the referential data: titles, activities, texts,
// criteria, modalités. Existing content keeps what people chose: bloc,
// compétence (matched by position) and métier ids (matched by title, in any
// bloc), labels, the comment lines a file starts with, and keys added by
// hand (written back after the managed keys, tables inline). New ids are
// derived: B{n}, B{n}.C{i}, the slug of a métier's title; new labels are
// the text up to its first clause, under 60 characters, for a person to
// rewrite. What the table dropped (métiers, compétences) is removed with a
// warning; existing modalités and bloc files the table does not mention are
// kept, with a warning. Importing the same table twice changes nothing, and
// importing the seed over the hand-made content reproduces it byte for byte.
// Comments inside existing files, other than the leading ones, are not kept.
//
// Result.Report says it all, piece by piece (Item.Text, in French or
// English): each bloc, compétence, criterion, label and modalité kept,
// replaced, added or removed, and what exists only on disk, such as a
// label kept over the one the table would give or a bloc file the table
// does not have.
//
// # Replacing
//
// With Options.Replace (cursus import --replace), the référentiel becomes
// wholly the table's: every file is what an import into an empty directory
// gives (ids, labels, no comments nor keys written by hand, only the
// table's modalités), and the bloc files the table does not have are
// removed. Métiers alone keep their ids, matched by title, since their
// pages and links name them. Write removes only blocs/bN.toml files of the
// content directory, the importer's own; pages, other files and other
// directories are never touched. It is all or nothing: new files and
// copies of the old ones are written beside their targets first, and if a
// rename fails, those done are undone.
//
// Output is deterministic TOML in the layout of the hand-made files: keys in
// a fixed order, one array item per line unless a single item is shorter
// than 60 characters, a blank line between tables.
package importer
