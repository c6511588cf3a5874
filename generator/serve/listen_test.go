package serve

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"testing"
)

func TestIsLoopback(t *testing.T) {
	tests := []struct {
		bind string
		want bool
	}{
		{"127.0.0.1", true},
		{"localhost", true},
		{"::1", true},
		{"127.0.0.2", true},
		{"0.0.0.0", false},
		{"", false},
		{"::", false},
		{"192.168.1.10", false},
	}
	for _, tt := range tests {
		if got := isLoopback(tt.bind); got != tt.want {
			t.Errorf("isLoopback(%q) = %v, want %v", tt.bind, got, tt.want)
		}
	}
}

func TestURLHost(t *testing.T) {
	addr := &net.TCPAddr{Port: 1313}
	tests := []struct{ bind, want string }{
		{"127.0.0.1", "127.0.0.1:1313"},
		{"0.0.0.0", "localhost:1313"},
		{"::", "localhost:1313"},
		{"::1", "[::1]:1313"},
		{"192.168.1.10", "192.168.1.10:1313"},
	}
	for _, tt := range tests {
		if got := urlHost(tt.bind, addr); got != tt.want {
			t.Errorf("urlHost(%q) = %q, want %q", tt.bind, got, tt.want)
		}
	}
}

func TestListenNextFreePort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	var msg bytes.Buffer
	l, err := listen("127.0.0.1", port, &msg)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := l.Addr().(*net.TCPAddr).Port; got == port {
		t.Errorf("listening on the busy port %d", got)
	}
	if !strings.Contains(msg.String(), "port "+strconv.Itoa(port)+" is in use") {
		t.Errorf("message %q does not say the port is in use", msg.String())
	}
}
