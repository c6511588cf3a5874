package config

import "time"

// OpenData configures the downloads of each certification and the page
// "Données ouvertes" ([opendata] in config.toml).
type OpenData struct {
	// Licence is the licence the data are published under, shown on the
	// page "Données ouvertes": "Licence Ouverte 2.0".
	Licence string `toml:"licence"`
	// Date stands for the date of the content where a certification has no
	// date_effet: the sitemap's lastmod and CASE's lastChangeDateTime. A
	// TOML date (2025-09-01), so that output stays the same from build to
	// build.
	Date time.Time `toml:"date"`
}
