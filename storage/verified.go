package storage

// The page structure known sound, remembered across processes.
//
// A write must never land on a damaged page structure (verifyBeforeWrite),
// and walking the whole structure (verifyPages) costs 40–60 ms on a
// ten-year file: paid by every command-line write, each a new process, it
// was most of a write's time. But a file that salesplan itself wrote from
// a verified state, and that nothing has touched since, needs no walk:
// bbolt's commit keeps a sound structure sound. So after each such commit
// the file's state is recorded beside it (.<db>.verified), and the next
// Store, in this process or another, walks only when the file is not in
// that state.
//
// The state is what any change to the file changes: the device and inode
// (a restore or an import renames another file in), the size, the
// modification and change times to the nanosecond, and the transaction id
// of the meta bbolt opens on. A program that writes the file — a flipped
// bit, a copy over it — sets its modification time to the clock's now;
// after its commit salesplan sets the modification time to a mark between
// half a second and a second in the past, which no later write's now can
// equal, so that even a write within the same tick of a coarse clock (a
// kernel without fine-grained timestamps) is seen. Where the file system
// does not keep the mark to the nanosecond, or on a system whose stat
// salesplan does not read (fileStamp), nothing is recorded and every
// first write walks, as before.
//
// The record is a hint, never trusted beyond what it says: a missing,
// unreadable, torn or foreign one means a walk. It is rewritten in place
// under the database's lock (a new file and a rename cost a write 0.8 ms
// on ext4 here), never through a link, and never synced: lost, it costs
// one walk.

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// fileStamp is what identifies a file's content without reading it.
type fileStamp struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64 // Unix nanoseconds
}

// verifiedFile is a file state whose page structure is known sound.
type verifiedFile struct {
	fi    os.FileInfo // for os.SameFile where fileStamp is not read
	stamp fileStamp   // zero where it is not read
	txid  uint64
}

// matches reports whether the file now (fi, its stamp, its meta's
// transaction id) is in the verified state v.
func (v verifiedFile) matches(fi os.FileInfo, stamp fileStamp, txid uint64) bool {
	switch {
	case txid != v.txid:
		return false
	case v.stamp != fileStamp{} || stamp != fileStamp{}:
		return stamp == v.stamp
	}
	return v.fi != nil && fi != nil && os.SameFile(fi, v.fi)
}

// verifiedPath is the record of the database at path.
func verifiedPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+verifiedSuffix)
}

const (
	verifiedSuffix = ".verified"
	verifiedMagic  = "salesplan verified 1"
)

// loadVerified reads the record beside the database; false when there is
// none or it is not one this build wrote.
func loadVerified(path string) (verifiedFile, bool) {
	f, err := os.Open(verifiedPath(path))
	if err != nil {
		return verifiedFile{}, false
	}
	defer f.Close()
	buf := make([]byte, 256)
	n, _ := f.Read(buf)
	fields := bytes.Fields(buf[:n])
	if len(fields) != 10 || string(bytes.Join(fields[:3], []byte(" "))) != verifiedMagic {
		return verifiedFile{}, false
	}
	var v [7]uint64
	for i := range v {
		x, err := strconv.ParseUint(string(fields[3+i]), 10, 64)
		if err != nil {
			return verifiedFile{}, false
		}
		v[i] = x
	}
	return verifiedFile{stamp: fileStamp{dev: v[0], ino: v[1], size: int64(v[2]), mtime: int64(v[3]), ctime: int64(v[4])},
		txid: v[5]}, v[6] == verifiedCheck(v[:6])
}

// verifiedCheck guards the record's numbers against a torn or edited
// line (FNV-1a over them).
func verifiedCheck(v []uint64) uint64 {
	h := uint64(14695981039346656037)
	for _, x := range v {
		for range 8 {
			h ^= x & 0xff
			h *= 1099511628211
			x >>= 8
		}
	}
	return h
}

// verifiedLine is the record of v.
func verifiedLine(v verifiedFile) []byte {
	nums := []uint64{v.stamp.dev, v.stamp.ino, uint64(v.stamp.size), uint64(v.stamp.mtime), uint64(v.stamp.ctime), v.txid}
	line := []byte(verifiedMagic)
	for _, x := range append(nums, verifiedCheck(nums)) {
		line = append(line, ' ')
		line = strconv.AppendUint(line, x, 10)
	}
	return append(line, '\n')
}

// forgetVerified removes the record (the file is not in it, or is gone).
func forgetVerified(path string) {
	if err := os.Remove(verifiedPath(path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return // best effort: a stale record only fails to match
	}
}

// markWritten sets the file's modification time to a mark no later write
// can give it (see above) and returns the file's stamp then; false when
// the mark did not hold to the nanosecond (then nothing is recorded).
func markWritten(path string) (os.FileInfo, fileStamp, bool) {
	now := time.Now()
	mark := now.Add(-time.Second + time.Duration(rand.Int64N(int64(time.Second/2))))
	if err := os.Chtimes(path, time.Time{}, mark); err != nil {
		return nil, fileStamp{}, false
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileStamp{}, false
	}
	stamp, ok := stampOf(fi)
	if !ok || stamp.mtime != mark.UnixNano() {
		return fi, fileStamp{}, false
	}
	return fi, stamp, true
}

// String is for errors and tests.
func (s fileStamp) String() string {
	return fmt.Sprintf("dev %d ino %d size %d mtime %d ctime %d", s.dev, s.ino, s.size, s.mtime, s.ctime)
}
