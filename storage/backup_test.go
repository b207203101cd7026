package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func sampleStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	if err := s.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBackupIsAPrivateConsistentCopy(t *testing.T) {
	s := sampleStore(t)
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.backupImpl(path); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %04o, want 0600", fi.Mode().Perm())
	}
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	if !bytes.Equal(exportJSON(t, b), exportJSON(t, s)) {
		t.Errorf("the backup holds other data than the database")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".copy.db.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 1 || list[0].Path != path || list[0].Kind != "manual" {
		t.Errorf("Backups after a manual backup: %+v %v", list, err)
	}
	if err := s.backupImpl(s.Path()); err == nil {
		t.Errorf("a backup onto the database itself was allowed")
	}
}

func TestBackupFailureLeavesTargetAlone(t *testing.T) {
	s := sampleStore(t)
	path := filepath.Join(t.TempDir(), "missing-dir", "copy.db")
	if err := s.backupImpl(path); err == nil {
		t.Fatal("backup into a missing directory succeeded")
	}
}

// on sets the store's real clock to noon of day.
func on(s *Store, day model.Date) {
	y, m, dd := day.YMD()
	s.opts.Clock = func() time.Time { return time.Date(y, m, dd, 12, 0, 0, 0, time.Local) }
}

func TestAutoBackupKeepsSeven(t *testing.T) {
	s := sampleStore(t)
	start := d("2026-11-01")
	for i := 0; i < 10; i++ {
		on(s, start.AddDays(i))
		if err := s.autoBackupImpl(); err != nil {
			t.Fatalf("AutoBackup day %d: %v", i, err)
		}
	}
	// A second call on the same day does nothing.
	if err := s.autoBackupImpl(); err != nil {
		t.Fatal(err)
	}
	autos, err := autoBackups(BackupDir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range autos {
		names = append(names, filepath.Base(a.Path))
	}
	want := []string{"salesplan-2026-11-04.db", "salesplan-2026-11-05.db", "salesplan-2026-11-06.db", "salesplan-2026-11-07.db",
		"salesplan-2026-11-08.db", "salesplan-2026-11-09.db", "salesplan-2026-11-10.db"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("automatic backups %v, want %v", names, want)
	}
	fi, err := os.Stat(BackupDir(s.Path()))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("backup dir mode %v %v, want 0700", fi.Mode().Perm(), err)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 7 || list[0].Kind != "auto" {
		t.Errorf("Backups: %d %v", len(list), err)
	}
}

func TestAutoBackupSkipsEmptyDatabase(t *testing.T) {
	s := newStore(t)
	if err := s.autoBackupImpl(); err != nil {
		t.Fatal(err)
	}
	if autos, _ := autoBackups(BackupDir(s.Path())); len(autos) != 0 {
		t.Errorf("an empty database was backed up: %v", autos)
	}
}

// corruptRecord changes one byte of a record's JSON in the file, as a
// flipped bit on the disk would: bbolt's pages stay sound, the record's
// checksum no longer matches.
func corruptRecord(t *testing.T, path, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte(text))
	if i < 0 {
		t.Fatalf("%q not in the file", text)
	}
	b[i] ^= 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A copy of silent damage is kept aside, never counted: the good backups
// stay (none is pruned for it), the person is told once naming the last
// good one, and a later good copy rotates as usual.
func TestDamagedCopyKeptAside(t *testing.T) {
	s := openPlain(t) // the file is damaged below: no index check on cleanup
	if err := s.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddClient(model.Client{Name: "Marker", Needs: "SILENTDAMAGEHERE"}, d("2026-11-01")); err != nil {
		t.Fatal(err)
	}
	start := d("2026-11-01")
	for i := range 7 {
		on(s, start.AddDays(i))
		if err := s.autoBackupImpl(); err != nil {
			t.Fatal(err)
		}
	}
	good, _ := autoBackups(BackupDir(s.Path()))
	corruptRecord(t, s.Path(), "SILENTDAMAGEHERE")
	on(s, start.AddDays(7))
	err := s.autoBackupImpl()
	p := model.ProblemOf(err)
	if !errors.Is(err, ErrBackupDamaged) || p == nil || p.Code != "backup_damaged" {
		t.Fatalf("AutoBackup of a damaged file = %v, want backup_damaged", err)
	}
	if !strings.Contains(err.Error(), good[len(good)-1].ModTime.Format("2006-01-02")) || !strings.Contains(err.Error(), ".damaged.db") {
		t.Errorf("the message does not name the last good backup and the copy kept aside: %v", err)
	}
	after, _ := autoBackups(BackupDir(s.Path()))
	if len(after) != 7 || after[0].Path != good[0].Path {
		t.Errorf("a damaged copy rotated a good one out: %d backups, oldest %s", len(after), filepath.Base(after[0].Path))
	}
	aside := filepath.Join(BackupDir(s.Path()), "salesplan-2026-11-08.damaged.db")
	if _, err := os.Stat(aside); err != nil {
		t.Errorf("the damaged copy was not kept aside: %v", err)
	}
	// Told once: the same day again says nothing.
	if err := s.autoBackupImpl(); err != nil {
		t.Errorf("second run the same day: %v", err)
	}
	list, _ := s.Backups()
	kinds := map[string]int{}
	for _, b := range list {
		kinds[b.Kind]++
	}
	if kinds["damaged"] != 1 || kinds["auto"] != 7 {
		t.Errorf("Backups lists %v", kinds)
	}
	// The next day, still damaged: still nothing pruned.
	on(s, start.AddDays(8))
	if err := s.autoBackupImpl(); !errors.Is(err, ErrBackupDamaged) {
		t.Errorf("day 9: %v", err)
	}
	if after, _ := autoBackups(BackupDir(s.Path())); len(after) != 7 || after[0].Path != good[0].Path {
		t.Errorf("day 9 pruned a good backup")
	}
}

// Backup names and rotation follow the real clock: a backup made while
// --today was far in the future is named for the real day, and an old
// future-named file (from an older build) rotates out in its turn instead
// of outliving the real ones.
func TestAutoBackupUsesTheRealClock(t *testing.T) {
	s := sampleStore(t)
	dir := BackupDir(s.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	future := filepath.Join(dir, "salesplan-2099-01-01.db")
	if err := os.WriteFile(future, []byte("old build"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2026, 10, 1, 12, 0, 0, 0, time.Local)
	os.Chtimes(future, old, old)
	start := d("2026-11-01")
	for i := range 8 {
		on(s, start.AddDays(i))
		if err := s.autoBackupImpl(); err != nil {
			t.Fatal(err)
		}
		made := time.Date(2026, 11, 1+i, 12, 0, 0, 0, time.Local)
		os.Chtimes(filepath.Join(dir, "salesplan-"+start.AddDays(i).String()+".db"), made, made)
	}
	if _, err := os.Stat(future); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the future-named backup outlived the real ones")
	}
	autos, _ := autoBackups(dir)
	if len(autos) != 7 || autos[len(autos)-1].Day != d("2026-11-08") {
		t.Errorf("backups %v", autos)
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	s := sampleStore(t)
	saved := exportJSON(t, s)
	path := filepath.Join(t.TempDir(), "saved.db")
	if err := s.backupImpl(path); err != nil {
		t.Fatal(err)
	}
	mustClient(t, s, "后来的客户", model.TierRegular, d("2026-11-27"))
	changed := exportJSON(t, s)
	revBefore, _ := s.Revision()
	if err := s.Restore(path); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if rev, _ := s.Revision(); rev <= revBefore {
		t.Errorf("revision %d after restore, was %d: a polling planner would miss the change", rev, revBefore)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after restore: %v, want nothing to undo", err)
	}
	if got := exportJSON(t, s); !bytes.Equal(got, saved) {
		t.Errorf("after restore the data differs from the backup")
	}
	fi, _ := os.Stat(s.Path())
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("restored database mode %04o", fi.Mode().Perm())
	}
	// The database as it was before the restore was kept.
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var before string
	for _, b := range list {
		if b.Kind == "before-restore" {
			before = b.Path
		}
	}
	if before == "" {
		t.Fatalf("no before-restore backup listed: %+v", list)
	}
	old, err := Open(before, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exportJSON(t, old), changed) {
		t.Errorf("the before-restore backup is not the replaced database")
	}
}

func TestRestoreRefusesWithNothingChanged(t *testing.T) {
	dir := t.TempDir()
	foreignBolt := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreignBolt, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	db, err = bolt.Open(newer, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(bMeta)
		if err != nil {
			return err
		}
		return m.Put(kSchema, u64(schemaVersion+1))
	})
	db.Close()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 500)), 0o600)
	emptyFile := filepath.Join(dir, "empty.db")
	os.WriteFile(emptyFile, nil, 0o600)
	s := sampleStore(t)
	half := filepath.Join(dir, "half.db")
	if err := s.backupImpl(half); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(half)
	os.WriteFile(half, raw[:len(raw)/2], 0o600)

	cases := []struct {
		name, path string
		sentinel   error
	}{
		{"text file", text, ErrNotBolt},
		{"empty file", emptyFile, ErrNotBolt},
		{"foreign bbolt", foreignBolt, ErrNotBolt},
		{"newer schema", newer, ErrNewerSchema},
		{"truncated", half, ErrNotBolt},
		{"missing", filepath.Join(dir, "nope.db"), ErrNotFound},
		{"itself", s.Path(), nil},
	}
	before := exportJSON(t, s)
	fiBefore, _ := os.Stat(s.Path())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Restore(tc.path)
			if err == nil {
				t.Fatal("restore accepted")
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v, want %v", err, tc.sentinel)
			}
			var p *model.Problem
			if !errors.As(err, &p) {
				t.Errorf("error %T is not a *model.Problem", err)
			}
		})
	}
	if !bytes.Equal(exportJSON(t, s), before) {
		t.Errorf("a refused restore changed the database")
	}
	fiAfter, _ := os.Stat(s.Path())
	if !os.SameFile(fiBefore, fiAfter) {
		t.Errorf("a refused restore replaced the database file")
	}
	if list, _ := s.Backups(); len(list) != 1 { // the manual backup "half" only
		t.Errorf("a refused restore made backups: %+v", list)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), ".salesplan.db.restore-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestRestoreMigratesOlderBackup(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "v0.db")
	writeV0(t, old)
	s := sampleStore(t)
	if err := s.Restore(old); err != nil {
		t.Fatalf("restore a v0 backup: %v", err)
	}
	c, err := s.FindClient("王总")
	if err != nil || c.ID != 1 {
		t.Errorf("after restoring v0: %+v %v", c, err)
	}
	// The backup file itself is untouched (still v0).
	db, err := bolt.Open(old, 0o600, &bolt.Options{ReadOnly: true, Timeout: 1e9})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta).Get(kSchema) != nil {
			t.Errorf("restore migrated the backup file itself")
		}
		return nil
	})
}

func TestRestoreFileOverDamagedDatabase(t *testing.T) {
	s := sampleStore(t)
	saved := exportJSON(t, s)
	backup := filepath.Join(t.TempDir(), "good.db")
	if err := s.backupImpl(backup); err != nil {
		t.Fatal(err)
	}
	for _, damage := range []string{"truncated", "emptied", "missing"} {
		t.Run(damage, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "data", "salesplan.db")
			if damage != "missing" {
				raw, _ := os.ReadFile(s.Path())
				if damage == "truncated" {
					raw = raw[:3*os.Getpagesize()] // the meta pages and a little: far short of the pages in use
				} else {
					raw = nil
					os.MkdirAll(BackupDir(db), 0o700)
					os.WriteFile(filepath.Join(BackupDir(db), "salesplan-2026-11-01.db"), []byte("x"), 0o600)
				}
				os.MkdirAll(filepath.Dir(db), 0o700)
				os.WriteFile(db, raw, 0o600)
				if _, err := Open(db, Options{}); err == nil {
					t.Fatalf("Open accepted a %s database", damage)
				}
			}
			if err := RestoreFile(db, backup, Options{}); err != nil {
				t.Fatalf("RestoreFile over a %s database: %v", damage, err)
			}
			r, err := Open(db, Options{})
			if err != nil {
				t.Fatalf("Open after restore: %v", err)
			}
			if !bytes.Equal(exportJSON(t, r), saved) {
				t.Errorf("restored data differs")
			}
		})
	}
}

func TestBackupsOfDamagedDatabase(t *testing.T) {
	s := openPlain(t) // no index check on cleanup: the file is damaged below
	if err := s.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatal(err)
	}
	on(s, d("2026-11-20"))
	if err := s.autoBackupImpl(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := BackupsOf(s.Path())
	if err != nil || len(list) != 1 || list[0].Day != d("2026-11-20") {
		t.Errorf("backups of a damaged database: %+v %v", list, err)
	}
}

// A manual backup is listed while it is one: written over with something
// else, it is not; and a restore keeps the manual backups made of the
// database it replaces (the restored file's own list predates them).
func TestManualBackupsListed(t *testing.T) {
	s := sampleStore(t)
	dir := t.TempDir()
	first, second, junk := filepath.Join(dir, "first.db"), filepath.Join(dir, "second.db"), filepath.Join(dir, "junk.db")
	for _, p := range []string{first, junk} {
		if err := s.Backup(p); err != nil {
			t.Fatal(err)
		}
	}
	mustClient(t, s, "后来的客户", model.TierRegular, d("2026-11-27"))
	if err := s.Backup(second); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(junk, []byte("notes, not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	manual := func() map[string]bool {
		t.Helper()
		list, err := s.Backups()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, b := range list {
			if b.Kind == "manual" {
				out[filepath.Base(b.Path)] = true
			}
		}
		return out
	}
	if got := manual(); !got["first.db"] || !got["second.db"] || got["junk.db"] {
		t.Errorf("manual backups listed: %v; want first.db and second.db, not the file written over", got)
	}
	if err := s.Restore(first); err != nil {
		t.Fatal(err)
	}
	if got := manual(); !got["first.db"] || !got["second.db"] {
		t.Errorf("after restoring first.db: %v; want both still listed", got)
	}
}
