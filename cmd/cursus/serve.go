package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"cursus/generator"
	"cursus/generator/config"
	"cursus/generator/serve"
)

// serveCmd runs the dev server until Ctrl-C or SIGTERM.
func serveCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("serve", stderr)
	src := fl.String("s", ".", "site `SOURCE` directory")
	bind := fl.String("bind", "127.0.0.1", "`ADDRESS` to listen on (anything but loopback exposes the preview to the network)")
	port := fl.Int("port", 1313, "`PORT` to listen on; the next free one is taken if it is in use")
	poll := fl.Duration("poll", 0, "poll the files every `DURATION` (e.g. 500ms) instead of using file system events, for file systems that send none")
	navigate := fl.Bool("navigateToChanged", false, "after an edit, send the browser to the page it changed")
	minify := fl.Bool("minify", false, "minify HTML, CSS, JS, SVG, JSON and XML as cursus build does")
	if code, ok := parseFlags(fl, args, stdout, stderr); !ok {
		return code
	}
	tuneServeGC()
	if *port < 0 || *port > 65535 || *poll < 0 {
		fmt.Fprintln(stderr, "cursus serve: --port must be within 0–65535 and --poll positive")
		return 2
	}
	if !config.Exists(os.DirFS(*src)) {
		fmt.Fprintln(stdout, "pas de config.toml : aperçu avec les réglages par défaut ; cursus build et cursus check en demandent un")
	}
	srv, err := serve.New(serve.Options{
		Source: *src, Bind: *bind, Port: *port, Poll: *poll,
		NavigateToChanged: *navigate,
		Build:             buildFor(*minify),
		Stdout:            stdout, Stderr: stderr,
	})
	if err != nil {
		fmt.Fprintln(stderr, "cursus serve:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintln(stderr, "cursus serve:", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}

// buildFor adapts generator.Incremental to the server, which knows
// nothing of the generator (parts never import their parent): after a
// save, only the pages whose data changed render again.
func buildFor(minify bool) serve.BuildFunc {
	var inc *generator.Incremental
	baseURL := ""
	return func(root fs.FS, o serve.BuildOptions) (*serve.Site, error) {
		if inc == nil || o.BaseURL != baseURL {
			inc, baseURL = generator.NewIncremental(generator.Options{Minify: minify, BaseURL: o.BaseURL, Preview: true}), o.BaseURL
		}
		out, err := inc.BuildFirst(root, o.First, o.Early)
		if err != nil {
			return nil, err
		}
		return &serve.Site{Files: out.Files, Later: out.Later, Sources: out.Sources, Assets: out.Assets, Warnings: out.Warnings.Lines()}, nil
	}
}
