package serve

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// hub publishes the served snapshot and tells the connected browsers about
// each new one over Server-Sent Events. Swapping and broadcasting happen
// under one lock, and a browser registers under it too, so a browser sees a
// build either in its first message or in a broadcast, never in neither.
type hub struct {
	current atomic.Pointer[snapshot]
	done    <-chan struct{} // closed when the server stops, to end the streams

	mu      sync.Mutex
	clients map[chan []byte]string // → the page the browser shows ("/blocs/b1/")
	max     int                    // streams open at once; more are refused
}

// maxStreams caps the event streams: each holds a goroutine and its
// buffers (five thousand held 160 MB), and a person previews with a few
// tabs. A page refused a stream works without live reload.
const maxStreams = 256

func newHub(done <-chan struct{}) *hub {
	return &hub{done: done, clients: map[chan []byte]string{}, max: maxStreams}
}

// maxShown caps the pages a build renders first (viewed): a person
// previews with a few tabs.
const maxShown = 8

// viewed returns the pages the connected browsers show, at most maxShown,
// sorted.
func (h *hub) viewed() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	seen := map[string]bool{}
	var pages []string
	for _, p := range h.clients {
		if p != "" && !seen[p] {
			seen[p] = true
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	return pages[:min(len(pages), maxShown)]
}

// streams counts the browsers connected.
func (h *hub) streams() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// publish swaps next in, then sends m to every browser, in that order: a
// browser told to reload must get the new pages.
func (h *hub) publish(next *snapshot, m message) {
	data, _ := json.Marshal(m)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.current.Store(next)
	for c := range h.clients {
		select {
		case c <- data:
		default:
			// A browser that does not read is dropped; its script
			// reconnects and learns the build it missed.
			delete(h.clients, c)
			close(c)
		}
	}
}

// subscribe registers a browser showing page, which comes from build
// seen, and returns the message it needs now, if any. It returns a nil
// channel when the hub has as many streams as it takes.
func (h *hub) subscribe(seen int64, page string) (chan []byte, []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.clients) >= h.max {
		return nil, nil
	}
	c := make(chan []byte, 8)
	h.clients[c] = page
	s := h.current.Load()
	if s == nil {
		return c, nil
	}
	m := message{Build: s.build, Errors: s.errors}
	if s.site != nil && len(s.errors) == 0 {
		m.Warnings = s.site.Warnings
	}
	if m.Errors == nil {
		m.Errors = []string{}
	}
	if seen != s.build {
		m.All = true // a build was swapped in before this browser connected
	} else if len(s.errors) == 0 && len(m.Warnings) == 0 {
		return c, nil
	}
	data, _ := json.Marshal(m)
	return c, data
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

// serveEvents streams messages to one browser until it leaves or the server
// stops. It returns false when the hub had no room for the stream.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) bool {
	seen, _ := strconv.ParseInt(r.URL.Query().Get("b"), 10, 64)
	page := r.URL.Query().Get("p") // what the page's script says it shows
	if !strings.HasPrefix(page, "/") || len(page) > 1024 {
		page = ""
	}
	rc := http.NewResponseController(w)
	c, first := h.subscribe(seen, page)
	if c == nil {
		// EventSource gives up on a status other than 200; live.js tries
		// again later, less and less often.
		w.Header().Set("Retry-After", "60")
		http.Error(w, "too many live reload streams", http.StatusServiceUnavailable)
		return false
	}
	defer h.unsubscribe(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if first != nil {
		writeEvent(w, first)
	}
	if rc.Flush() != nil {
		return true
	}
	// A comment now and then finds dead connections and keeps proxies
	// from closing an idle stream.
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return true
		case <-h.done:
			return true
		case <-ping.C:
			w.Write([]byte(": ping\n\n"))
		case data, ok := <-c:
			if !ok {
				return true
			}
			writeEvent(w, data)
		}
		if rc.Flush() != nil {
			return true
		}
	}
}

func writeEvent(w http.ResponseWriter, data []byte) {
	w.Write([]byte("data: "))
	w.Write(data) // JSON has no newline, so one data line is enough
	w.Write([]byte("\n\n"))
}
