package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--frobnicate"}, 2, "flag provided but not defined"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--port", "70000"}, 2, "--port"},
		{[]string{"--poll", "-1s"}, 2, "--poll"},
		{[]string{"-s", "/nonexistent/site", "--port", "0"}, 1, "not a directory"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"serve"}, tt.args...), &out, &errb); code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.msg) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.msg)
			}
		})
	}
}

// TestServeHelper is cursus serve run as a child process by the tests
// below; it does nothing in a normal run.
func TestServeHelper(t *testing.T) {
	args := os.Getenv("CURSUS_SERVE_ARGS")
	if args == "" {
		t.Skip("helper process")
	}
	os.Exit(run(append([]string{"serve"}, strings.Fields(args)...), os.Stdout, os.Stderr))
}

// serveProcess starts cursus serve in a child process and returns it with
// the URL it printed and its standard error, line by line. Both streams are
// read through pipes: a bytes.Buffer as cmd.Stderr would be written by
// exec's goroutine while the test reads it.
func serveProcess(t *testing.T, args string) (*exec.Cmd, string, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeHelper$")
	cmd.Env = append(os.Environ(), "CURSUS_SERVE_ARGS="+args)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		close(done)
		cmd.Process.Kill()
	})
	urls, errLines := make(chan string, 1), make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		re := regexp.MustCompile(`at (http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case urls <- m[1]:
				default:
				}
			}
		}
	}()
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			select {
			case errLines <- sc.Text():
			case <-done:
				return
			}
		}
	}()
	select {
	case u := <-urls:
		return cmd, u, errLines
	case <-time.After(10 * time.Second):
		t.Fatalf("no URL printed; stderr:\n%s", strings.Join(drain(errLines), "\n"))
		return nil, "", nil
	}
}

// drain returns the lines already sent on lines, without waiting.
func drain(lines <-chan string) []string {
	var out []string
	for {
		select {
		case l := <-lines:
			out = append(out, l)
		default:
			return out
		}
	}
}

// waitForLine waits for a line holding want and returns the lines read.
func waitForLine(lines <-chan string, want string, timeout time.Duration) ([]string, bool) {
	var seen []string
	deadline := time.After(timeout)
	for {
		select {
		case l := <-lines:
			seen = append(seen, l)
			if strings.Contains(l, want) {
				return seen, true
			}
		case <-deadline:
			return seen, false
		}
	}
}

func TestServeStopsOnSIGTERM(t *testing.T) {
	cmd, url, _ := serveProcess(t, "-s ../.. --port 0")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("URL %q is not on loopback", url)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "/__cursus/live.js") {
		t.Errorf("GET /: %d, live script missing", res.StatusCode)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still running 5 s after SIGTERM")
	}
}

func TestServeTakesTheNextFreePort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	_, url, stderr := serveProcess(t, "-s ../.. --port "+strconv.Itoa(port))
	if strings.Contains(url, ":"+strconv.Itoa(port)+"/") {
		t.Errorf("served on the busy port: %s", url)
	}
	want := "port " + strconv.Itoa(port) + " is in use"
	if seen, ok := waitForLine(stderr, want, 10*time.Second); !ok {
		t.Errorf("stderr %q lacks %q", seen, want)
	}
}
