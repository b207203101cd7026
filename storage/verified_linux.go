//go:build linux

package storage

import (
	"errors"
	"os"
	"syscall"
)

// stampOf reads a file's stamp from its stat.
func stampOf(fi os.FileInfo) (fileStamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{dev: uint64(st.Dev), ino: st.Ino, size: st.Size,
		mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec, ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec}, true
}

// saveVerified writes the record of v beside the database, in place (best
// effort; under the database's lock). A link at its path, symbolic or
// hard, is not written through: it is removed and a file made instead.
func saveVerified(path string, v verifiedFile) {
	if v.stamp == (fileStamp{}) {
		return
	}
	target := verifiedPath(path)
	open := func() (*os.File, error) {
		return os.OpenFile(target, os.O_WRONLY|os.O_CREATE|syscall.O_NOFOLLOW, fileMode)
	}
	f, err := open()
	if errors.Is(err, syscall.ELOOP) { // a symbolic link: replace it, never write through it
		if os.Remove(target) == nil {
			f, err = open()
		}
	}
	if err != nil {
		return
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Sys().(*syscall.Stat_t).Nlink != 1 {
		// Another name for some file (a hard link): not written through.
		f.Close()
		if err == nil && os.Remove(target) == nil {
			if f, err = open(); err != nil {
				return
			}
		} else {
			return
		}
	}
	defer f.Close()
	line := verifiedLine(v)
	if _, err := f.WriteAt(line, 0); err != nil || f.Truncate(int64(len(line))) != nil {
		forgetVerified(path)
	}
}
