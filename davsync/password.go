package davsync

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"salesplan/model"
	"salesplan/storage"
)

// PasswordEnv is the environment variable that holds the CalDAV password.
const PasswordEnv = "SALESPLAN_CALDAV_PASSWORD"

// maxPasswordFile bounds what is read from the password file: a password,
// not a document someone pointed the file at by mistake.
const maxPasswordFile = 4096

// PasswordFile is the file beside the database that may hold the CalDAV
// password (salesplan.db → salesplan.caldav-password), readable by its
// owner only.
func PasswordFile(dbPath string) string {
	base := filepath.Base(dbPath)
	return filepath.Join(filepath.Dir(dbPath), strings.TrimSuffix(base, filepath.Ext(base))+".caldav-password")
}

// Password returns the CalDAV password: SALESPLAN_CALDAV_PASSWORD, else
// the password file's first line. A file others can read is refused, not
// fixed: the password in it may already have been read. found is false
// when neither exists (a server without a password is allowed).
//
// No error returned here contains the password.
func Password(dbPath string, env func(string) string) (pw string, found bool, err error) {
	if v := env(PasswordEnv); v != "" {
		return v, true, nil
	}
	path := PasswordFile(dbPath)
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, model.Errf("sync_password_file", "cannot read the password file %s: %s", model.InertLine(path), errText(err))
	}
	if !fi.Mode().IsRegular() {
		return "", false, model.Errf("sync_password_file", "cannot read the password file %s: %s", model.InertLine(path), model.Errf("file_not_regular", "not a regular file"))
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return "", false, model.Errf("sync_password_mode",
			"the password file %s can be read by others (mode %04o); run: chmod 600 %s",
			model.InertLine(path), uint32(perm), model.InertLine(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false, model.Errf("sync_password_file", "cannot read the password file %s: %s", model.InertLine(path), errText(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPasswordFile+1))
	if err != nil {
		return "", false, model.Errf("sync_password_file", "cannot read the password file %s: %s", model.InertLine(path), errText(err))
	}
	if len(b) > maxPasswordFile {
		return "", false, model.Errf("sync_password_file", "cannot read the password file %s: %s", model.InertLine(path), model.Errf("password_too_long", "longer than a password"))
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSuffix(line, "\r"), true, nil
}

// errText names an OS error without its path (the caller names the
// file), in words the catalog translates.
func errText(err error) *model.Problem { return storage.OSReason(err) }
