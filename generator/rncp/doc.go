// Package rncp reads France Compétences' national export of the Répertoire
// national des certifications professionnelles: one XML document, root
// FICHES, one FICHE per certification, tens of thousands of them.
//
//	fiches, err := rncp.Read(msg.FR, "export.xml", f, []string{"RNCP37680"}) // err: file:line:col lines, in French
//	for _, b := range fiches["RNCP37680"].Blocs {
//		comps := rncp.Competences(b.Competences) // numbers as written, texts
//		eval := rncp.Markdown(b.Evaluation)
//	}
//
// # Reading
//
// The export is streamed token by token. For each FICHE, the tokens up to
// NUMERO_FICHE are kept; a fiche that is not asked for is skipped from
// there, and an asked one is decoded whole from the kept tokens and the
// rest of its element. Reading stops once every asked fiche is found.
// Memory is that of one fiche, whatever the size of the export. Elements
// cursus does not use (partners, jury, statistics, CCN…) are skipped
// without error; a repeated element may appear once or many times. A
// malformed export is an error at the line and column where reading
// stopped; a date that is not jj/mm/aaaa or a bloc code that is not the
// fiche's number, BC and digits is an error at its element.
//
// # Text fields
//
// Text fields hold HTML, entity-escaped or in CDATA (the XML decoder
// undoes both). Markdown turns a field into paragraphs and "- " lists;
// Competences reads LISTE_COMPETENCES as <ul><li> items, "<p>- …</p>"
// paragraphs, lines split by <br>, or paragraphs that start with their own
// number ("C1.1 – …", "C4.2.1 – …", "C.2.3 – …"). An introduction ending
// with a colon ("Compétences du bloc :") is dropped; in a numbered list, a
// paragraph without a number continues the compétence above.
package rncp
