package config

import (
	"errors"
	"testing"
	"time"

	"cursus/generator/diag"
)

// TestOpenData reads [opendata], whose unknown keys are errors like any.
func TestOpenData(t *testing.T) {
	cfg, err := Load(site("title = \"T\"\n[opendata]\nlicence = \"Licence Ouverte 2.0\"\ndate = 2025-09-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.OpenData.Licence != "Licence Ouverte 2.0" || !cfg.OpenData.Date.Equal(time.Date(2025, 9, 1, 0, 0, 0, 0, cfg.OpenData.Date.Location())) {
		t.Errorf("got %+v", cfg.OpenData)
	}
	_, err = Load(site("title = \"T\"\n[opendata]\nlicense = \"x\"\n"))
	var list diag.List
	if !errors.As(err, &list) || len(list) != 1 || list.Lines()[0] != `config.toml:3:1: clé inconnue "opendata.license" : faute de frappe ? (le manuel donne les clés de chaque fichier)` {
		t.Errorf("typo: %v", err)
	}
}
