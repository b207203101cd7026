//go:build unix

package storage

import (
	"os"
	"syscall"
)

// mapFile maps size bytes of f read-only, for verifyPages: touching a page
// of the map costs far less than a ReadAt per page. The caller reads it
// under contain (a file cut short meanwhile faults) and calls unmap.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), err error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, syscall.EINVAL
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { _ = syscall.Munmap(data) }, nil
}
