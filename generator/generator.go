// Package generator is the API behind the cursus command: it loads a site
// (config.toml, content/, themes/) from an fs.FS and checks, builds or serves
// it. See doc.go for the manual.
package generator

import (
	"fmt"
	"io/fs"

	"cursus/generator/config"
	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/msg"
)

// Project is a loaded site: its configuration and its validated content.
type Project struct {
	Config  config.Config
	Content *content.Site
	// Warnings are the content's warnings, file names from the site root.
	Warnings diag.List
}

// Load reads config.toml and the content directory from root. Content errors
// come back as a diag.List, every one positioned, paths relative to root.
func Load(root fs.FS) (*Project, error) {
	cfg, err := config.Load(root)
	if err != nil {
		return nil, err
	}
	return loadContent(root, cfg, nil)
}

// loadConfig reads config.toml, which only a preview may go without: the
// dev server serves at its own address, so the defaults do.
func loadConfig(root fs.FS, opts Options) (config.Config, error) {
	if opts.Preview && !config.Exists(root) {
		return config.Default(), nil
	}
	return config.Load(root)
}

// loadContent reads the content directory of a site configured by cfg.
func loadContent(root fs.FS, cfg config.Config, decoded *content.Decoded) (*Project, error) {
	if fi, err := fs.Stat(root, cfg.ContentDir); err != nil || !fi.IsDir() {
		var list diag.List
		list.Add(diag.Pos{File: cfg.ContentDir}, "%s", msg.Of(cfg.LanguageCode).F(msg.NoContentDir))
		return nil, list.Err()
	}
	sub, err := fs.Sub(root, cfg.ContentDir)
	if err != nil {
		return nil, fmt.Errorf("content: %w", err)
	}
	site, err := content.LoadAgain(sub, msg.Of(cfg.LanguageCode), decoded)
	if err != nil {
		return nil, prefixFiles(err, cfg.ContentDir+"/")
	}
	var warnings diag.List
	if len(site.Warnings) > 0 {
		warnings = prefixFiles(site.Warnings, cfg.ContentDir+"/").(diag.List)
	}
	return &Project{Config: cfg, Content: site, Warnings: warnings}, nil
}

// Summary is the one line cursus check prints when all is well.
func (p *Project) Summary() string {
	s := p.Content
	certs := ""
	if s.Several {
		certs = fmt.Sprintf("%d certifications, ", len(s.Certifications))
	}
	return certs + fmt.Sprintf("%d blocs, %d compétences, %d critères, %d métiers, %d modalités, %d pages",
		len(s.Blocs), len(s.Competences), s.Criteria(), len(s.Metiers), len(s.Modalites), len(s.Pages))
}
