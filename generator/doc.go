/*
Package generator is the library behind the cursus command. It turns a
référentiel de compétences (TOML) and markdown pages into a static site.

# Site layout

A site is a directory (any fs.FS) holding:

	config.toml        site configuration (see package config; unknown keys are errors;
	                   required, except by the dev server, which previews with the defaults)
	content/           the curriculum: one certification at its root
	  certification.toml   identity of the certification (docs/certifications.md)
	  modalites.toml       [[modalites]] id, name, detail (optional)
	  blocs/bN.toml         one file per bloc
	  metiers/ID.md        optional page of a shared métier: title, rome, onisep
	  index.md             prose of the home page
	  *.md, dir/*.md       pages, with TOML front matter between +++ lines
	themes/NAME/       layouts/*.html, layouts/partials/*.html, static/*

A site of several certifications has content/certifications/SLUG/ instead
of content/certification.toml and content/blocs/: each directory holds a
certification.toml, its blocs/, optionally its own modalites.toml and an
index.md for its home page; métiers, shared modalités and pages stay at the
root, and the home page is a catalogue of the certifications. Their pages
are under /SLUG/ (see docs/certifications.md for the URLs and the whole
schema of certification.toml).

# Bloc files

	id = "B1"                       # stable id; the URL is /blocs/b1/
	number = 1                      # order on the site, unique
	code = "RNCP37680BC01"          # official code (optional), starts with the rncp
	optional = false                # true: not required for the title
	option = "specialisation"       # id of an [[options]] group of certification.toml
	evaluation = """…"""            # the bloc's own evaluation text, markdown
	title = "Concevoir, développer…"   # word for word from the référentiel
	label = "Solutions logicielles" # short name for navigation (optional)
	activities = ["…"]
	modalites = ["mise-en-situation", "controle-continu"]   # ids from modalites.toml

	[[metiers]]                     # a métier this bloc leads to
	id = "ingenieur-logiciel"       # stable id; the URL is /metiers/ingenieur-logiciel/
	title = "Ingénieur logiciel"    # omit the title to reference a métier declared in another bloc

	[[competences]]
	id = "B1.C1"                    # stable id; the URL is /competences/b1-c1/
	number = "C1.1"                 # official number, shown as written (optional)
	label = "Analyser les besoins"  # short label (default: the text cut at 80 runes)
	text = "Analyser, formaliser…"  # full text, word for word
	modalites = ["controle-continu"]   # only when it differs from the bloc's
	criteria = [                    # one critère d'évaluation per entry (optional:
	  "Pertinence et exhaustivité de l'analyse…",   # without, the page says they
	]                               # are not published here, and where: criteres_url)

Ids are unique within a certification and métier ids within the site,
every reference is checked, and a URL comes from an id (or a page's slug),
never from prose that may be reworded. All errors are reported at once as
file:line:col: message. Text and file names are read in Unicode
normal form C: an accent typed precomposed or, as macOS tools save it,
decomposed is the same letter. Messages speak the site's language
(languageCode "en…": English, otherwise French; package msg holds both
texts of each). Warnings (file:line:col: avertissement : …) do not
stop a build: a compétence without critères, a bloc without modalité nor
evaluation text, a métier no bloc leads to, a certification past its end
date or not active. Output.Warnings holds them; Options.Strict (cursus
build --strict, check --strict) makes them errors.

# Pages

	+++
	title = "Lire le référentiel"
	description = "…"       # meta description and Open Graph
	weight = 10             # order in the footer
	draft = false           # drafts are not published
	slug = "lire"           # URL /lire/ (default: the file's path)
	attach = "B7"           # put this prose on the page of a bloc, compétence or métier instead
	layout = "accessibilite"   # theme layout to use instead of "page"
	+++
	Markdown (GFM tables, autolinks). Raw HTML is dropped unless config
	markup.unsafe is true. Links such as [x](/metiers/) are checked at build.

# Themes

Each layout in layouts/ is parsed with base.html and every partial; a layout
defines "main", which base.html places. Templates receive a *Data (see
data.go): Site (config, the whole model, navigation), Kind, Title,
Description, Path, URL, Canonical, Crumbs, Chrome (the comparable key of
the page's header and footer), the page's Bloc, Competence,
Metier or Page, its rendered Prose, Matrix on correspondence pages, and
Certification on every page of a certification (all pages of a site with
one; those under /SLUG/ with several). Site.Content.Several says which
layout the site has; Site.Content.Certifications lists them with their
identity (Level, LevelLabel, dates as dd/mm/yyyy, the fiche's texts as
HTML, Nav for their own navigation).

Pages read the view of the model, not the model itself: before pages
render, the plan makes a copy of every entity (Site.Content: its Blocs,
Competences, Metiers, Modalites, Pages) with its URL (under the base path)
in a URL field and its texts (titles, labels, compétence texts, criteria,
activities, modalités) with French typography, as are Data.Title,
Data.Description and Site.Title; Crumb has a URL too. The content model
itself is never written after loading. So the default theme reads fields
({{.URL}}, {{.Label}}) rather than calling functions: a function call in a
template costs about ten allocations through reflection, and a large site
makes hundreds of thousands of them. Site.SearchIndex is the URL of the
search index.

Functions, for what fields do not give: url (site path or entity → URL
under the base path), abs (absolute URL), asset (fingerprinted URL of a
file of static/, under the base path), fr (French typography of other text, such as config
values; idempotent, so harmless on prepared text), hue (bloc number →
its colour class bloc-N: 1–8 from the theme's palette, beyond from
[brand] blocs or colours cursus generates), t (the theme's words in the
site's language, with French typography on a French site: {{t "search_title"}},
{{t "bloc_title" "number" .Number "title" .Title}}), tn (the words for a
count, key_one or key_other: {{tn "competences_n" (len .Competences)}}), add,
plural and cached: {{cached "name" DATA}} renders the partial once per
build for each DATA (a pointer or another comparable value) and gives every
later page the same HTML; the default theme caches its header and footer
per navigation state, the part of the head every page shares (asset links,
site name), and a compétence's
article and aside, which every métier page of its bloc repeats.

Layouts: home, blocs, bloc, competences, competence, metiers, metier,
modalites, matrice, recherche, page, 404, and any named by a page's layout.

# Overrides, words and brand

A site's own layouts/ and static/ override the theme's file by file
(render.Options.Own): layouts/partials/chrome.html at the site root
replaces the theme's partial, and an error in it names the site's file.
The words of the pages (titles, descriptions, breadcrumbs, the default
menu) are in the theme's i18n/<lang>.toml, read over the default theme's
and under the site's own i18n/ (watched by cursus serve), key by key;
languageCode chooses the file,
and French typography applies to French sites only. Site.Nav is the menu
of config.toml ([[menu]] page or url, label) or the theme's default.
[brand] gives Site.Brand (name, logo URL) and colours appended to the
theme's style.css, each checked for 4.5:1 contrast against the
backgrounds of the theme's theme.toml (light, dark). The manual for
content writers is docs/manuel.md, a page of the bundled site.

# Building

Build renders the whole site into memory (cursus serve, check, tests);
Publish and BuildTo publish it into a directory as pages render (cursus
build): a new
directory is renamed into place, or an existing site is updated by staging
only the files that differ and renaming them in, and removing what the new
site lacks, once everything succeeded; Write publishes an Output the same
way. Every build checks every internal link and anchor of every page, read
with an HTML tokenizer; CheckLinks runs the same check on a published
Output. A {{cached}} partial that renders itself again is an error when
the theme loads.

The stages are described in docs/architecture.md.
*/
package generator
