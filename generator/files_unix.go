//go:build unix

package generator

import (
	"bytes"
	"io/fs"
	"slices"
	"sync"
	"syscall"
)

// createFile writes data to a new file p in the stage. It is os.WriteFile
// in three system calls: os.OpenFile makes four more per file (it tries to
// register the file with the network poller and switches it to
// non-blocking mode and back), a sixth of a first build's system time over
// 6,000 pages. O_NOFOLLOW: nothing in the stage is a link, and a write
// never follows one.
func createFile(p string, data []byte) error {
	fd, err := open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

// compareBuf holds the bytes of a published file while it is compared.
var compareBuf = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// sameFile reports whether the plain file at p holds exactly data. It costs
// three system calls: one read into a pooled buffer a byte longer than data
// tells a longer file from an equal one without asking for its size.
func sameFile(p string, data []byte) bool {
	fd, err := open(p, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	bp := compareBuf.Get().(*[]byte)
	defer compareBuf.Put(bp)
	buf := slices.Grow((*bp)[:0], len(data)+1)[:len(data)+1]
	*bp = buf
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m == 0 {
			break
		}
		n += m
		if n == len(data) {
			// A regular file gives all it has up to len(buf) in one read;
			// a short read means its end.
			break
		}
	}
	return n == len(data) && bytes.Equal(buf[:n], data)
}

// open is syscall.Open with O_CLOEXEC, retried when a signal interrupts it.
func open(p string, flags int, mode uint32) (int, error) {
	for {
		fd, err := syscall.Open(p, flags|syscall.O_CLOEXEC, mode)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
