package msg

// The messages. Keep each group in the order of its table below.
const (
	// What cursus import does to existing content (importer.Item).
	ImportAdd Key = iota
	ImportKeep
	ImportReplace
	ImportRemove
	ImportDiskOnly
	ImportBloc
	ImportTitle
	ImportLabel
	ImportCompetence
	ImportText
	ImportCriterion
	ImportCriteria
	ImportMetier
	ImportModalite
	ImportHandKey
	ImportTableWould
	ImportLeftAsIs
	ImportHeading
	ImportSep
	ImportSemi

	numKeys // not a message: the number of keys
)

var catalogue = [numKeys]text{
	ImportAdd:        {"ajout", "add"},
	ImportKeep:       {"garde", "keep"},
	ImportReplace:    {"remplacement", "replace"},
	ImportRemove:     {"retrait", "remove"},
	ImportDiskOnly:   {"disque seul", "disk only"},
	ImportBloc:       {"bloc %s (%s)", "bloc %s (%s)"},
	ImportTitle:      {"titre de %s", "title of %s"},
	ImportLabel:      {"label de %s", "label of %s"},
	ImportCompetence: {"compétence %s", "compétence %s"},
	ImportText:       {"texte de %s", "text of %s"},
	ImportCriterion:  {"critère de %s", "criterion of %s"},
	ImportCriteria:   {"critères de %s : %d", "criteria of %s: %d"},
	ImportMetier:     {"métier de %s", "métier of %s"},
	ImportModalite:   {"modalité %s", "modalité %s"},
	ImportHandKey:    {"clé %s de %s, écrite à la main", "key %s of %s, written by hand"},
	ImportTableWould: {"le tableau donnerait « %s »", "the table would give “%s”"},
	ImportLeftAsIs:   {"pas dans le tableau, laissé tel quel (--replace le retire)", "not in the table, left as it is (--replace removes it)"},
	ImportHeading:    {"Ce que l'import garde, remplace, ajoute et retire :", "What the import keeps, replaces, adds and removes:"},
	ImportSep:        {" : ", ": "},
	ImportSemi:       {" ; ", "; "},
}
