//go:build unix

package davsync

import (
	"errors"
	"os"
	"syscall"

	"salesplan/model"
)

// lockSync makes sure one sync at a time runs on a database: two would
// upload over each other and write the sync state twice. The lock is an
// flock on a file beside the database, so a killed sync never leaves it
// held.
func lockSync(dbPath string) (func(), error) {
	if dbPath == "" {
		return func() {}, nil
	}
	path := dbPath + ".sync-lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, model.Errf("sync_lock", "cannot lock %s for the sync: %s", model.InertLine(path), errText(err))
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, model.Errf("sync_running", "another salesplan sync is running on this database; try again when it is done")
		}
		return nil, model.Errf("sync_lock", "cannot lock %s for the sync: %s", model.InertLine(path), errText(err))
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
