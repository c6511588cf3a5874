package serve

import (
	_ "embed"
	"html"
	"strconv"
	"strings"

	"cursus/generator/msg"
)

// Paths the dev server answers besides the site's own files. They live
// under one prefix no site file can take (names starting with _ are the
// server's, and __cursus is not a page cursus would make).
const (
	prefix     = "/__cursus/"
	scriptPath = prefix + "live.js"
	eventsPath = prefix + "events"
)

//go:embed live.js
var liveJS []byte

// scriptURL is the script's address for one build. The build number rides
// in the URL so that the script knows which build its page comes from and,
// if a newer one was swapped in before it could connect, reloads. A URL
// survives minification as it is, so pages of two builds can be compared by
// cutting it out.
func scriptURL(build int64) string {
	return scriptPath + "?b=" + strconv.FormatInt(build, 10)
}

// snippet is the HTML each page gets before </body> in serve mode: an
// external, deferred script (nothing inline, for CSP), which is valid HTML
// in body and adds nothing to the accessibility tree.
func snippet(build int64) string {
	return `<script src="` + scriptURL(build) + `" defer></script>`
}

// errorPage is served for every page when no build has succeeded yet: the
// errors in plain HTML (readable without the script), and the script, which
// reloads once a build succeeds.
func errorPage(lang msg.Lang, errs []string, build int64) []byte {
	var b strings.Builder
	title, help, code := lang.F(msg.ServeFailed), lang.F(msg.ServeFailedHelp), "fr"
	if lang == msg.EN {
		code = "en"
	}
	b.WriteString(`<!doctype html>
<html lang="` + code + `">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + ` — cursus serve</title>
</head>
<body>
<main>
<h1>` + title + `</h1>
<p>` + help + `</p>
<ul>
`)
	for _, e := range errs {
		b.WriteString("<li><code>" + html.EscapeString(e) + "</code></li>\n")
	}
	b.WriteString("</ul>\n</main>\n" + snippet(build) + "\n</body>\n</html>\n")
	return []byte(b.String())
}
