//go:build !linux

package storage

import "os"

// stampOf: only Linux's stat is read; elsewhere a Store remembers a
// verified file within its own process only (verifiedFile.fi).
func stampOf(fi os.FileInfo) (fileStamp, bool) { return fileStamp{}, false }

// saveVerified: nothing is recorded where stampOf reads nothing.
func saveVerified(path string, v verifiedFile) {}
