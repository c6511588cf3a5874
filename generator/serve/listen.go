package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"
)

// portTries is how many ports after the asked one are tried when it is
// taken (another cursus serve, hugo server…).
const portTries = 20

// listen binds bind:port, or the next free port if that one is taken, and
// says so on w.
func listen(bind string, port int, w io.Writer) (net.Listener, error) {
	var first error
	for i := 0; i < portTries; i++ {
		p := port + i
		if port == 0 && i > 0 {
			break
		}
		l, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if i > 0 {
				fmt.Fprintf(w, "port %d is in use: serving on port %d instead\n", port, p)
			}
			return l, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("listen: %w", err)
		}
		if first == nil {
			first = err
		}
	}
	return nil, fmt.Errorf("listen: ports %d to %d are all in use (%v): choose another with --port", port, port+portTries-1, first)
}

// isLoopback reports whether bind only accepts connections from this
// machine.
func isLoopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// urlHost is the host to print and to use in links for a listener bound to
// bind: the address a browser on this machine can open.
func urlHost(bind string, addr net.Addr) string {
	port := "0"
	if a, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(a.Port)
	}
	host := bind
	if ip := net.ParseIP(bind); bind == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
