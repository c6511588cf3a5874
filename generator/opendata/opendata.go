// Package opendata makes the downloads of each certification from the
// content model, during the build: the whole référentiel as JSON (with a
// published JSON Schema), a CSV for spreadsheets, the CSV Moodle's
// competency framework import reads, and a CASE 1.1 package.
//
// Every file is a function of the model and of Options alone: two builds
// write the same bytes. Dates come from the certification's date_effet or
// from Options.Date, never from the clock.
package opendata

import (
	"bytes"
	_ "embed"
	"fmt"
	"time"

	"cursus/generator/content"
)

// Dir is the directory of a certification's downloads, under its prefix:
// /donnees/ on a site with one certification, /<slug>/donnees/ otherwise.
const Dir = "/donnees/"

// SchemaPath is the site path of the JSON Schema of the référentiel: one
// stable URL for every site.
const SchemaPath = "/donnees/referentiel.schema.json"

// schema is the JSON Schema of referentiel.json.
//
//go:embed referentiel.schema.json
var schema []byte

// schemaID is the $id of the embedded schema, which Schema replaces.
const schemaID = "https://cursus.invalid/donnees/referentiel.schema.json"

// Schema returns the JSON Schema of referentiel.json, whose $id is id: the
// absolute URL of SchemaPath on the site publishing it.
func Schema(id string) []byte {
	return bytes.Replace(schema, []byte(`"`+schemaID+`"`), []byte(`"`+id+`"`), 1)
}

// Options are what the downloads need beyond the model.
type Options struct {
	// Abs returns the absolute URL of a site path.
	Abs func(path string) string
	// Date stands for the date of a certification without date_effet
	// (CASE's lastChangeDateTime); the zero value is 2000-01-01.
	Date time.Time
}

// File is one download.
type File struct {
	Path   string // site path: "/tp-ais/donnees/referentiel.json"
	Format string // what the page calls it: "JSON", "CSV", "CSV Moodle", "CASE 1.1 (JSON)"
	Type   string // media type
	Data   []byte
}

// Certification makes the four downloads of a certification, in the order
// pages list them.
func Certification(c *content.Certification, opts Options) ([]File, error) {
	return Again(c, opts, nil)
}

// Again makes the downloads of c as Certification does, or returns last,
// the downloads made of it before with the same opts, when its
// referentiel.json has not changed: the other files are made of no more
// than what it says (TestFilesFollowTheReferentiel). The dev server makes
// again only those of the certification an edit changed.
func Again(c *content.Certification, opts Options, last []File) ([]File, error) {
	dir := c.Prefix() + Dir
	ref := FromModel(c, opts.Abs)
	js, err := ref.JSON()
	if err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", dir, err)
	}
	if len(last) == 4 && last[0].Path == dir+"referentiel.json" && bytes.Equal(last[0].Data, js) {
		return last, nil
	}
	cs, err := CSV(c)
	if err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", dir, err)
	}
	mo, err := Moodle(c)
	if err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", dir, err)
	}
	ca, err := CASE(c, opts)
	if err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", dir, err)
	}
	return []File{
		{Path: dir + "referentiel.json", Format: "JSON", Type: "application/json", Data: js},
		{Path: dir + "referentiel.csv", Format: "CSV", Type: "text/csv", Data: cs},
		{Path: dir + "moodle-competences.csv", Format: "CSV Moodle", Type: "text/csv", Data: mo},
		{Path: dir + "case.json", Format: "CASE 1.1 (JSON)", Type: "application/json", Data: ca},
	}, nil
}

// date is the certification's date for CASE: date_effet, else opts.Date.
func date(c *content.Certification, opts Options) time.Time {
	switch {
	case !c.DateEffet.IsZero():
		return c.DateEffet
	case !opts.Date.IsZero():
		return opts.Date
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}
