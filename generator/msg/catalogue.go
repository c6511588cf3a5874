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
	ImportModaliteLeft
	ImportHeading
	ImportSep
	ImportSemi
	ImportQuote

	// Errors and warnings of content, config.toml and links.
	Warning
	EmptyFile
	NotUTF8
	UnknownKey
	TOMLUnreadable
	TOMLPrefix
	TOMLKey
	TOMLType
	ErrorCount
	ServeBuildFailed
	ServeShowingErrors
	ServeLastGood
	KindString
	KindInteger
	KindFloat
	KindBool
	KindArray
	KindTable
	KindDatetime
	FileSpecial
	FileDirLink
	FileOutside
	FileBrokenLink
	KeyMissing
	NeedURL
	NameNFC
	UnknownDataFile
	UnknownCertFile
	RootAndCerts
	CertDirName
	CertDirReserved
	CertFileMissing
	IDDup
	FrontNone
	FrontUnterminated
	FrontNoTitle
	HomeSlug
	SlugNoLetter
	AttachInCert
	AttachUnknown
	AttachTwice
	SlugTooLong
	SlugDup
	SlugReserved
	CertLevel
	CertEnded
	CertInactive
	CertToComplete
	OptionsDup
	OptionsChoose
	OptionsEmpty
	OptionsTooMany
	BlocNumber
	BlocNumberDup
	BlocNoCompetence
	BlocCodeDup
	BlocCodePrefix
	BlocOption
	BlocNoAssessment
	MetierNoID
	MetierUnknown
	MetierOtherTitle
	MetierTwice
	MetierNoBloc
	RomeCode
	CompetenceNoCriteria
	EmptyCriterion
	ModaliteUnknown
	ThemeMissing
	TitleEmpty
	BaseURL
	RelPath
	MenuBoth
	MenuLabel
	MenuURL
	MenuPage
	PublishHost
	NoContentDir
	NoTranslation
	BrandLogoType
	BrandLogoMissing
	BrandColour
	BrandContrastLight
	BrandContrastDark
	LinkBroken
	LinkNoPage
	LinkNoAnchor
	LinkHardcoded

	// cursus check --against: the site against its RNCP fiches.
	AgainstMissing
	AgainstInactive
	AgainstEnded
	AgainstDiffers
	AgainstTitle
	AgainstLevel
	AgainstBlocTitle
	AgainstNoCode
	AgainstBlocUnknown
	AgainstBlocMissing
	AgainstCompetenceMissing
	AgainstCompetenceWording
	AgainstCompetenceUnknown
	AgainstWarning
	AgainstOK

	// cursus import: reading a table, existing content, an RNCP export.
	ReadNotFile
	ReadDir
	ReadDevice
	ReadSpecial
	ReadTooLarge
	ReadNotFound
	ReadDenied
	ReadFailed
	TableNotUTF8
	TableTooManyErrors
	TableMoreWarnings
	TableNoBloc
	TableNotBloc
	TableBlocExtra
	TableBlocDup
	TableBlocNoTitle
	TableHeaderFirst
	TableHeaderMiddle
	TableBlocEmpty
	TableNoMetiers
	TableNoHeader
	TableColumns
	TableFifth
	TableNoCompetence
	TableNoModalites
	TableMetierTwice
	TableNoCriteria
	TableSplit
	TableKeptInside
	TableModaliteDetail
	ImportMetierID
	ExistingRead
	ExistingTOML
	ExistingString
	ExistingInt
	ExistingStrings
	ExistingTables
	FicheInactive
	FicheBlocGone
	FicheCompetenceGone
	FicheMetierFront
	FicheMetierTOML
	ExportUnclosed
	ExportMismatch
	ExportTruncated
	ExportSyntax
	ExportNoEnd
	ExportNoFiches
	ExportRoot
	ExportDate
	ExportBlocCode
	ChangeUnchanged
	ChangeCreated
	ChangeModified
	ChangeDeleted
	ChangeMoved
	WriteNotRegular
	WriteFailed
	WriteMove
	WriteSync
	ImportReplaceExport
	ImportNeedFiche
	ImportDryRun
	ImportDone
	ImportSummary
	ImportFicheSummary

	// The page cursus serve shows before a build succeeded.
	ServeFailed
	ServeFailedHelp

	numKeys // not a message: the number of keys
)

var catalogue = [numKeys]text{
	ImportAdd:                {"ajout", "add"},
	ImportKeep:               {"garde", "keep"},
	ImportReplace:            {"remplacement", "replace"},
	ImportRemove:             {"retrait", "remove"},
	ImportDiskOnly:           {"disque seul", "disk only"},
	ImportBloc:               {"bloc %s (%s)", "bloc %s (%s)"},
	ImportTitle:              {"titre de %s", "title of %s"},
	ImportLabel:              {"label de %s", "label of %s"},
	ImportCompetence:         {"compétence %s", "compétence %s"},
	ImportText:               {"texte de %s", "text of %s"},
	ImportCriterion:          {"critère de %s", "criterion of %s"},
	ImportCriteria:           {"critères de %s : %d", "criteria of %s: %d"},
	ImportMetier:             {"métier de %s", "métier of %s"},
	ImportModalite:           {"modalité %s", "modalité %s"},
	ImportHandKey:            {"clé %s de %s, écrite à la main", "key %s of %s, written by hand"},
	ImportTableWould:         {"le tableau donnerait « %s »", "the table would give “%s”"},
	ImportLeftAsIs:           {"pas dans le tableau, laissé tel quel (--replace le retire)", "not in the table, left as it is (--replace removes it)"},
	ImportModaliteLeft:       {"pas dans le tableau, gardée : supprimez-la si elle n'existe plus (--replace la retire)", "not in the table, kept: remove it if it is gone (--replace removes it)"},
	ImportHeading:            {"Ce que l'import garde, remplace, ajoute et retire :", "What the import keeps, replaces, adds and removes:"},
	ImportSep:                {" : ", ": "},
	ImportSemi:               {" ; ", "; "},
	ImportQuote:              {"« %s »", "“%s”"},
	Warning:                  {"avertissement : ", "warning: "},
	EmptyFile:                {"fichier vide", "empty file"},
	NotUTF8:                  {"texte illisible : ce fichier n’est pas en UTF-8 (réenregistrez-le en UTF-8)", "unreadable text: this file is not UTF-8 (save it again as UTF-8)"},
	UnknownKey:               {"clé inconnue %q : faute de frappe ? (le manuel donne les clés de chaque fichier)", "unknown key %q: a typo? (the manual gives the keys of each file)"},
	TOMLUnreadable:           {"fichier illisible (%v)", "unreadable file (%v)"},
	TOMLPrefix:               {"toml : ", "toml: "},
	TOMLKey:                  {" (clé %q)", " (key %q)"},
	TOMLType:                 {"il faut %s, pas %s", "expected %s, not %s"},
	ErrorCount:               {"cursus : %d erreur(s)", "cursus: %d error(s)"},
	ServeBuildFailed:         {"échec de la construction en %d ms, %d erreur(s) : %s", "build failed in %d ms with %d error(s): %s"},
	ServeShowingErrors:       {"elles s’affichent jusqu’à ce qu’elles soient corrigées", "showing them until they are fixed"},
	ServeLastGood:            {"la dernière construction réussie reste servie", "still serving the last good build"},
	KindString:               {"un texte entre guillemets", "a text in quotes"},
	KindInteger:              {"un nombre entier", "a whole number"},
	KindFloat:                {"un nombre", "a number"},
	KindBool:                 {"true ou false", "true or false"},
	KindArray:                {"une liste entre crochets [ ]", "a list in brackets [ ]"},
	KindTable:                {"une table", "a table"},
	KindDatetime:             {"une date", "a date"},
	FileSpecial:              {"n’est ni un fichier ni un dossier (tube nommé, socket ou périphérique) : cursus ne le lit pas ; retirez-le du site", "is neither a file nor a folder (a named pipe, socket or device): cursus does not read it; remove it from the site"},
	FileDirLink:              {"est un lien symbolique vers un dossier : cursus ne suit pas ces liens ; copiez le dossier à cet endroit", "is a symbolic link to a folder: cursus does not follow such links; copy the folder here"},
	FileOutside:              {"est un lien symbolique qui sort du dossier du site : cursus ne lit rien hors du site", "is a symbolic link that leads out of the site's folder: cursus reads nothing outside the site"},
	FileBrokenLink:           {"est un lien symbolique cassé", "is a broken symbolic link"},
	KeyMissing:               {"%s manque : cette clé est obligatoire", "%s is missing: this key is required"},
	NeedURL:                  {"%s : une adresse complète est attendue (https://…)", "%s: a full address is expected (https://…)"},
	NameNFC:                  {"un autre fichier porte ce nom, ses accents codés autrement (Unicode NFC et NFD) : gardez-en un seul", "another file has this name, with its accents encoded otherwise (Unicode NFC and NFD): keep only one"},
	UnknownDataFile:          {"fichier de données inconnu : les données vont dans %s, %s ou %s/*.toml", "unknown data file: data goes in %s, %s or %s/*.toml"},
	UnknownCertFile:          {"fichier de données inconnu : une certification a %s, %s et %s/*.toml", "unknown data file: a certification has %s, %s and %s/*.toml"},
	RootAndCerts:             {"%s et %s/ à la fois : un site a une certification à sa racine ou plusieurs sous %s/, pas les deux", "%s and %s/ together: a site has one certification at its root or several under %s/, not both"},
	CertDirName:              {"dossier %q : le nom d'une certification est son slug, en minuscules ASCII, chiffres et tirets (%q)", "folder %q: the name of a certification is its slug, in lower-case ASCII letters, digits and hyphens (%q)"},
	CertDirReserved:          {"dossier %q : ce nom est réservé aux pages du site", "folder %q: this name is reserved for the site's pages"},
	CertFileMissing:          {"fichier manquant : chaque certification a son %s (au moins title)", "missing file: every certification has its %s (title at least)"},
	IDDup:                    {"id %q en double : %s déjà déclaré à %s", "id %q twice: %s already declared at %s"},
	FrontNone:                {"en-tête : une page commence par une ligne +++", "front matter: a page starts with a +++ line"},
	FrontUnterminated:        {"en-tête : la ligne +++ qui le ferme manque", "front matter: the +++ line that closes it is missing"},
	FrontNoTitle:             {"en-tête : title manque, le titre de la page", "front matter: title is missing, the title of the page"},
	HomeSlug:                 {"en-tête : la page d’accueil n’a pas de slug", "front matter: the home page has no slug"},
	SlugNoLetter:             {"en-tête : le slug %q n’a ni lettre ni chiffre", "front matter: slug %q has no letter nor digit"},
	AttachInCert:             {"dans %s/, une page autre que index.md rattache sa prose à un bloc ou une compétence (attach)", "in %s/, a page other than index.md attaches its prose to a bloc or a compétence (attach)"},
	AttachUnknown:            {"en-tête : attach : id %q inconnu (l’id d’un bloc, d’une compétence ou d’un métier)", "front matter: attach: unknown id %q (the id of a bloc, a compétence or a métier)"},
	AttachTwice:              {"en-tête : attach : %s a déjà sa prose dans %s", "front matter: attach: %s already has its prose in %s"},
	SlugTooLong:              {"slug trop long : %d octets, les noms de fichiers en permettent %d ; donnez un id ou un slug plus court (%.40s…)", "slug too long: %d bytes, file names allow %d; give a shorter id or slug (%.40s…)"},
	SlugDup:                  {"slug en double : %s est aussi l’adresse de %s", "slug twice: %s is also the address of %s"},
	SlugReserved:             {"slug réservé : /%s/ est une page du site lui-même", "reserved slug: /%s/ is a page of the site itself"},
	CertLevel:                {"niveau %d : le niveau d'une certification va de 1 à 8", "level %d: the level of a certification goes from 1 to 8"},
	CertEnded:                {"la certification n'est plus enregistrée au RNCP depuis le %s (date_fin)", "the certification is no longer registered in the RNCP since %s (date_fin)"},
	CertInactive:             {"la certification n'est pas active (actif = false)", "the certification is not active (actif = false)"},
	CertToComplete:           {"%s est encore « À compléter » : écrivez ce que l'établissement sait, ou supprimez la clé", "%s still says « À compléter » (to be completed): write what the school knows, or remove the key"},
	OptionsDup:               {"groupe d'options %q en double : déjà déclaré à %s", "option group %q twice: already declared at %s"},
	OptionsChoose:            {"groupe d'options %q : choose est le nombre de blocs à choisir, au moins 1", "option group %q: choose is the number of blocs to choose, at least 1"},
	OptionsEmpty:             {"aucun bloc n'est dans le groupe d'options %q", "no bloc is in the option group %q"},
	OptionsTooMany:           {"groupe d'options %q : choisir %d blocs parmi %d n'est pas possible", "option group %q: choosing %d blocs out of %d is not possible"},
	BlocNumber:               {"number : le numéro du bloc est un entier à partir de 1", "number: the number of a bloc is a whole number from 1"},
	BlocNumberDup:            {"numéro de bloc %d en double : déjà utilisé à %s", "bloc number %d twice: already used at %s"},
	BlocNoCompetence:         {"le bloc %s n’a aucune compétence ([[competences]])", "bloc %s has no compétence ([[competences]])"},
	BlocCodeDup:              {"code de bloc %q en double : déjà utilisé à %s", "bloc code %q twice: already used at %s"},
	BlocCodePrefix:           {"code de bloc %q : il doit commencer par le code RNCP de sa certification, %s", "bloc code %q: it must start with the RNCP code of its certification, %s"},
	BlocOption:               {"option %q : aucun groupe d'options de ce nom dans %s", "option %q: no option group of that name in %s"},
	BlocNoAssessment:         {"le bloc %s n'a ni modalité d'évaluation (modalites) ni texte d'évaluation (evaluation)", "bloc %s has neither a modalité d'évaluation (modalites) nor an assessment text (evaluation)"},
	MetierNoID:               {"métier sans id ni title : donnez au moins l’un des deux", "métier without id or title: give at least one of them"},
	MetierUnknown:            {"métier %q inconnu : déclarez-le une fois avec son title", "unknown métier %q: declare it once with its title"},
	MetierOtherTitle:         {"le métier %q a un autre title à %s : %q", "métier %q has another title at %s: %q"},
	MetierTwice:              {"métier %q cité deux fois dans le bloc %s", "métier %q named twice in bloc %s"},
	MetierNoBloc:             {"aucun bloc ne mène au métier %q", "no bloc leads to métier %q"},
	RomeCode:                 {"code ROME %q : une lettre et quatre chiffres sont attendus (M1801)", "ROME code %q: a letter and four digits are expected (M1801)"},
	CompetenceNoCriteria:     {"la compétence %s n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site", "compétence %s has no critères d'évaluation: its page will say they are not published on this site"},
	EmptyCriterion:           {"critère vide", "empty criterion"},
	ModaliteUnknown:          {"modalité %q inconnue : déclarez-la dans modalites.toml", "unknown modalité %q: declare it in modalites.toml"},
	ThemeMissing:             {"theme %q : pas de dossier %s", "theme %q: no folder %s"},
	TitleEmpty:               {"title est vide : c’est le nom du site, en tête de chaque page", "title is empty: it is the name of the site, at the top of every page"},
	BaseURL:                  {"baseURL %q : une adresse complète est attendue, comme https://example.org/", "baseURL %q: a full address is expected, such as https://example.org/"},
	RelPath:                  {"%s %q : un chemin relatif, dans le dossier du site, est attendu", "%s %q: a relative path, inside the site's folder, is expected"},
	MenuBoth:                 {"[[menu]] : donnez soit page (le slug d’une page), soit url, pas les deux", "[[menu]]: give either page (the slug of a page) or url, not both"},
	MenuLabel:                {"[[menu]] : label manque, le texte du lien vers %s", "[[menu]]: label is missing, the text of the link to %s"},
	MenuURL:                  {"[[menu]] url %q : un chemin du site (/metiers/) ou une adresse complète (https://…) est attendu", "[[menu]] url %q: a path of the site (/metiers/) or a full address (https://…) is expected"},
	MenuPage:                 {"[[menu]] page %q : aucune page de ce slug dans %s/ (le slug est le nom du fichier sans .md)", "[[menu]] page %q: no page of that slug in %s/ (the slug is the file name without .md)"},
	PublishHost:              {"[publish] hosts: hôte %q inconnu ; cursus connaît %s", "[publish] hosts: unknown host %q; cursus knows %s"},
	NoContentDir:             {"pas de dossier de contenu ici : lancez cursus dans le dossier du site, ou donnez ce dossier avec -s", "no content directory here: run cursus in the site's folder, or give that folder with -s"},
	NoTranslation:            {"languageCode %q : aucun thème n’a de traduction i18n/%s.toml (cursus a fr et en)", "languageCode %q: no theme has a translation i18n/%s.toml (cursus has fr and en)"},
	BrandLogoType:            {"[brand] logo %q : une image SVG ou PNG est attendue", "[brand] logo %q: an SVG or PNG image is expected"},
	BrandLogoMissing:         {"[brand] logo %q : pas de fichier static/%s dans le site", "[brand] logo %q: no file static/%s in the site"},
	BrandColour:              {"[brand] %s %q : une couleur #rrggbb est attendue", "[brand] %s %q: a #rrggbb colour is expected"},
	BrandContrastLight:       {"[brand] %s %q : contraste %.2f:1 sur le fond clair du thème (%s), 4,5:1 au moins pour se lire (WCAG AA)", "[brand] %s %q: contrast %.2f:1 on the theme's light background (%s), 4.5:1 at least to be read (WCAG AA)"},
	BrandContrastDark:        {"[brand] %s %q : contraste %.2f:1 sur le fond sombre du thème (%s), 4,5:1 au moins pour se lire (WCAG AA)", "[brand] %s %q: contrast %.2f:1 on the theme's dark background (%s), 4.5:1 at least to be read (WCAG AA)"},
	LinkBroken:               {"lien cassé %q : %s", "broken link %q: %s"},
	LinkNoPage:               {"aucune page à %s", "no page at %s"},
	LinkNoAnchor:             {"la page %s n’a pas d’ancre #%s", "page %s has no anchor #%s"},
	LinkHardcoded:            {"lien %q écrit en dur : il ignore le chemin de base %s ; écrivez {{url %q}}", "link %q written as is: it ignores the base path %s; write {{url %q}}"},
	ReadNotFile:              {"%s, pas un fichier : donnez le chemin du tableau exporté en texte", "%s, not a file: give the path of the table exported as text"},
	ReadDir:                  {"c'est un dossier", "this is a folder"},
	ReadDevice:               {"c'est un périphérique", "this is a device"},
	ReadSpecial:              {"c'est un fichier spécial", "this is a special file"},
	ReadTooLarge:             {"le tableau dépasse %d Mio, la taille maximale d'un import : vérifiez que ce fichier est bien l'export du référentiel", "the table is over %d MiB, the largest an import reads: check that this file is the export of the référentiel"},
	ReadNotFound:             {"fichier introuvable", "file not found"},
	ReadDenied:               {"lecture interdite par les droits du fichier", "reading forbidden by the file's permissions"},
	ReadFailed:               {"lecture impossible : %v", "cannot read: %v"},
	TableNotUTF8:             {"ce n'est pas un tableau de référentiel : texte illisible, pas en UTF-8 (exportez le tableau en texte UTF-8)", "not a référentiel table: invalid UTF-8 (export the table as UTF-8 text)"},
	TableTooManyErrors:       {"trop d'erreurs : lecture du tableau arrêtée ici", "too many errors: reading of the table stopped here"},
	TableMoreWarnings:        {"et %d autres avertissements à partir d'ici, non affichés : vérifiez la suite du tableau", "and %d more warnings from here on, not shown: check the rest of the table"},
	TableNoBloc:              {"ce n'est pas un tableau de référentiel : aucune ligne « Bloc N : titre »", "not a référentiel table: no \"Bloc N : title\" row"},
	TableNotBloc:             {"ce n'est pas un tableau de référentiel : une ligne « Bloc N : titre » est attendue, pas %q", "not a référentiel table: expected a \"Bloc N : title\" row, found %q"},
	TableBlocExtra:           {"ligne de titre d'un bloc : texte inattendu après le titre, dans une autre colonne", "bloc title row: unexpected text after the title, in another column"},
	TableBlocDup:             {"le bloc %d apparaît deux fois (la première à la ligne %d)", "bloc %d appears twice (first at line %d)"},
	TableBlocNoTitle:         {"le bloc %d n'a pas de titre après les deux-points", "bloc %d has no title after the colon"},
	TableHeaderFirst:         {"ce n'est pas un tableau de référentiel : ligne d'en-tête avant toute ligne « Bloc N : titre »", "not a référentiel table: header row before any \"Bloc N : title\" row"},
	TableHeaderMiddle:        {"ligne d'en-tête au milieu du bloc %d", "header row in the middle of bloc %d"},
	TableBlocEmpty:           {"le bloc %d n'a aucune compétence : des lignes sont attendues après sa ligne d'en-tête", "bloc %d has no compétences: expected rows after its header row"},
	TableNoMetiers:           {"le bloc %d ne nomme aucun métier (pas de liste « Métiers : » dans sa première colonne)", "bloc %d names no métiers (no \"Métiers :\" list in its first column)"},
	TableNoHeader:            {"bloc %d : la ligne d'en-tête (Activités / Métiers, Compétences, Modalités d'évaluation, Critères d'évaluation) est attendue avant la première ligne", "bloc %d: expected the header row (Activités / Métiers, Compétences, Modalités d'évaluation, Critères d'évaluation) before the first row"},
	TableColumns:             {"la ligne a %d colonnes séparées par des tabulations, 4 sont attendues (activités / métiers, compétence, modalités, critères)", "row has %d tab-separated columns, want 4 (activités / métiers, compétence, modalités, critères)"},
	TableFifth:               {"texte inattendu dans une cinquième colonne", "unexpected text in a fifth column"},
	TableNoCompetence:        {"cellule de compétence vide dans la première ligne du bloc %d", "empty compétence cell in the first row of bloc %d"},
	TableNoModalites:         {"cellule de modalités vide dans la première ligne du bloc %d : il n'y a pas de ligne au-dessus d'où la reprendre", "empty modalités cell in the first row of bloc %d: there is no row above to take it from"},
	TableMetierTwice:         {"le métier %q est cité deux fois dans le bloc %d : gardé une fois", "métier %q listed twice in bloc %d: kept once"},
	TableNoCriteria:          {"la compétence n'a pas de critères", "compétence has no criteria"},
	TableSplit:               {"critère coupé avant %q : vérifiez qu'un nouveau critère commence ici", "criterion split before %q: check that a new criterion starts here"},
	TableKeptInside:          {"%q gardé dans un critère : vérifiez qu'aucun nouveau critère ne commence ici", "%q kept inside a criterion: check that no new criterion starts here"},
	TableModaliteDetail:      {"la modalité %q a un autre détail qu'à la ligne %d : le premier est gardé", "modalité %q has another detail than at line %d: the first one is kept"},
	ImportMetierID:           {"le métier %q reçoit l'id %q : %q est celui d'un autre métier", "métier %q gets id %q: %q is another métier's"},
	ExistingRead:             {"contenu existant illisible : %v", "reading existing content: %v"},
	ExistingTOML:             {"contenu existant : %v", "existing content: %v"},
	ExistingString:           {"contenu existant : %s doit être un texte entre guillemets", "existing content: %s must be a string"},
	ExistingInt:              {"contenu existant : %s doit être un nombre entier", "existing content: %s must be an integer"},
	ExistingStrings:          {"contenu existant : %s doit être une liste de textes entre guillemets", "existing content: %s must be an array of strings"},
	ExistingTables:           {"contenu existant : %s doit être une liste de tables ([[…]])", "existing content: %s must be an array of tables ([[…]])"},
	FicheInactive:            {"la fiche %s n'est pas active (ACTIF : %q) : elle n'est pas importée", "the fiche %s is not active (ACTIF: %q): it is not imported"},
	FicheBlocGone:            {"ce bloc n'est pas dans la fiche %s : fichier laissé tel quel, à supprimer s'il n'existe plus", "this bloc is not in the fiche %s: file left as it is, remove it if the bloc is gone"},
	FicheCompetenceGone:      {"la compétence %s n'est plus dans le bloc %s de la fiche : supprimée, avec ses critères", "compétence %s is no longer in bloc %s of the fiche: removed, with its criteria"},
	FicheMetierFront:         {"page de métier existante : pas d'en-tête +++ … +++", "existing métier page: no +++ … +++ front matter"},
	FicheMetierTOML:          {"page de métier existante : %v", "existing métier page: %v"},
	ExportUnclosed:           {"export RNCP illisible : </%s> ne ferme aucun élément", "unreadable RNCP export: </%s> closes no element"},
	ExportMismatch:           {"export RNCP illisible : <%s> fermé par </%s>", "unreadable RNCP export: <%s> closed by </%s>"},
	ExportTruncated:          {"export RNCP incomplet : le fichier s'arrête au milieu d'un élément", "incomplete RNCP export: the file ends in the middle of an element"},
	ExportSyntax:             {"export RNCP illisible : %s", "unreadable RNCP export: %s"},
	ExportNoEnd:              {"export RNCP incomplet : </%s> manque", "incomplete RNCP export: </%s> is missing"},
	ExportNoFiches:           {"pas un export RNCP : le fichier n'a pas d'élément <FICHES>", "not an RNCP export: the file has no <FICHES> element"},
	ExportRoot:               {"pas un export RNCP : l'élément racine est <%s>, attendu <FICHES>", "not an RNCP export: the root element is <%s>, expected <FICHES>"},
	ExportDate:               {"fiche %s : %s « %s » n'est pas une date jj/mm/aaaa", "fiche %s: %s “%s” is not a dd/mm/yyyy date"},
	ExportBlocCode:           {"fiche %s : le bloc %d a le code « %s », attendu %sBC suivi de son numéro", "fiche %s: bloc %d has the code “%s”, expected %sBC followed by its number"},
	ChangeUnchanged:          {"inchangé", "unchanged"},
	ChangeCreated:            {"créé", "create"},
	ChangeModified:           {"modifié", "update"},
	ChangeDeleted:            {"supprimé", "remove"},
	ChangeMoved:              {"déplacé", "move"},
	WriteNotRegular:          {"import : %s existe et n'est pas un fichier ordinaire", "import: %s exists and is not a regular file"},
	WriteFailed:              {"import : écriture de %s impossible : %v (rien n'a changé)", "import: writing %s: %v (nothing changed)"},
	WriteMove:                {"import : déplacement de %s vers %s : %v", "import: moving %s to %s: %v"},
	WriteSync:                {"import : le dossier %s n'a pu être enregistré sur le disque : %v", "import: syncing %s: %v"},
	ImportReplaceExport:      {"--replace vaut pour un tableau de référentiel, pas pour un export RNCP", "--replace is for a référentiel table, not for an RNCP export"},
	ImportNeedFiche:          {"un export RNCP demande au moins une --fiche RNCP…", "an RNCP export needs at least one --fiche RNCP…"},
	ImportDryRun:             {"essai, rien n'est écrit : %s", "dry run, nothing written: %s"},
	ImportDone:               {"importé : %s", "imported: %s"},
	ImportSummary:            {"%d blocs, %d compétences, %d critères, %d métiers, %d modalités", "%d blocs, %d compétences, %d critères, %d métiers, %d modalités"},
	ImportFicheSummary:       {"%d certification(s), %d blocs, %d compétences, %d métiers ; %d fichier(s) créé(s) ou modifié(s), %d déplacé(s)", "%d certification(s), %d blocs, %d compétences, %d métiers; %d file(s) created or changed, %d moved"},
	ServeFailed:              {"Le site n’a pas pu être construit", "The site could not be built"},
	ServeFailedHelp:          {"Corrigez les erreurs ci-dessous et enregistrez : la page se rechargera d’elle-même.", "Fix the errors below and save: the page will reload by itself."},
	AgainstMissing:           {"la fiche %s n'est pas dans l'export", "the fiche %s is not in the export"},
	AgainstInactive:          {"la fiche %s n'est plus active (ACTIF : %s)", "the fiche %s is no longer active (ACTIF: %s)"},
	AgainstEnded:             {"la fiche %s a pris fin le %s", "the fiche %s ended on %s"},
	AgainstDiffers:           {"%s diffère de la fiche : « %s » ici, « %s » dans la fiche", "%s differs from the fiche: “%s” here, “%s” in the fiche"},
	AgainstTitle:             {"l'intitulé", "the title"},
	AgainstLevel:             {"le niveau", "the level"},
	AgainstBlocTitle:         {"l'intitulé du bloc", "the title of the bloc"},
	AgainstNoCode:            {"ce bloc n'a pas de code : la fiche %s donne un code à chacun de ses blocs", "this bloc has no code: the fiche %s gives each of its blocs a code"},
	AgainstBlocUnknown:       {"le bloc %s n'est pas dans la fiche %s", "bloc %s is not in the fiche %s"},
	AgainstBlocMissing:       {"le bloc %s « %s » de la fiche manque", "bloc %s “%s” of the fiche is missing"},
	AgainstCompetenceMissing: {"la compétence %s « %s » de la fiche manque dans ce bloc", "compétence %s “%s” of the fiche is missing from this bloc"},
	AgainstCompetenceWording: {"la compétence %s est formulée autrement que dans la fiche : « %s »", "compétence %s is worded otherwise than in the fiche: “%s”"},
	AgainstCompetenceUnknown: {"la compétence %s n'est pas dans le bloc %s de la fiche", "compétence %s is not in bloc %s of the fiche"},
	AgainstWarning:           {"attention : ", "warning: "},
	AgainstOK:                {"%d certification(s) conforme(s) à leur fiche RNCP", "%d certification(s) matching their RNCP fiche"},
}
