//go:build !windows

package storage

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes f's exclusive lock without waiting, as bbolt does
// (flock): ok is false while another holds it.
func tryLock(f *os.File) (ok bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// processAlive reports whether a process with that pid exists (a signal 0
// reaches it, or it exists under another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
