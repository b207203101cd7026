package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestOpenCreatesPrivateFileAndDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	path := filepath.Join(dir, "salesplan.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{path, 0o600}, {dir, 0o700}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != c.want {
			t.Errorf("%s mode = %04o, want %04o", c.path, got, c.want)
		}
	}
	if s.Notice() != nil {
		t.Errorf("new database: unexpected notice %v", s.Notice())
	}
	if s.Path() != path {
		t.Errorf("Path = %q", s.Path())
	}
	empty, err := s.IsEmpty()
	if err != nil || !empty {
		t.Errorf("IsEmpty = %v, %v; want true", empty, err)
	}
}

func TestOpenTightensWideMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salesplan.db")
	if _, err := Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %04o, want 0600", fi.Mode().Perm())
	}
	if n := s.Notice(); n == nil || n.Code != "db_mode_fixed" || !strings.Contains(n.Error(), "0644") {
		t.Errorf("notice = %v, want db_mode_fixed naming 0644", n)
	}
}

// Tightening a wide mode only takes bits away: a database the user made
// read-only stays read-only (0444 → 0400, not 0600), and a change to it is
// refused (even for root, whom the file system would let write) while a
// read works.
func TestReadOnlyDatabaseStaysReadOnly(t *testing.T) {
	for _, mode := range []os.FileMode{0o444, 0o400, 0o440} {
		t.Run(fmt.Sprintf("%04o", mode), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "salesplan.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddClient(model.Client{Name: "A"}, d("2026-11-01")); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			s, err = Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o400 {
				t.Errorf("mode = %04o, want 0400", fi.Mode().Perm())
			}
			if _, err := s.Clients(d("2026-11-27"), true); err != nil {
				t.Errorf("reading a read-only database: %v", err)
			}
			_, err = s.AddClient(model.Client{Name: "B"}, d("2026-11-01"))
			if p := model.ProblemOf(err); !errors.Is(err, ErrReadOnly) || p == nil || p.Code != "db_file_read_only" {
				t.Errorf("AddClient on a %04o database = %v, want db_file_read_only", mode, err)
			}
			if err := s.ImportDocument(sampleDocument(), true); !errors.Is(err, ErrReadOnly) {
				t.Errorf("import --merge = %v, want ErrReadOnly", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the read-only database was written")
			}
		})
	}
}

func TestOpenRefusesForeignFileUntouched(t *testing.T) {
	for name, content := range map[string][]byte{
		"text":       []byte("name,phone\n王总,123\n"),
		"short":      []byte("x"),
		"big binary": bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 8192),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, Options{})
			if !errors.Is(err, ErrNotBolt) || problemCode(err) != "db_not_bolt" {
				t.Fatalf("Open = %v, want ErrNotBolt", err)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, content) {
				t.Error("the foreign file was changed")
			}
		})
	}
}

func TestOpenRefusesForeignBoltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("someone-else")); return err })
	db.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNotBolt) {
		t.Fatalf("Open = %v, want ErrNotBolt", err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s := newStore(t)
	err := s.write(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, u64(schemaVersion+1)) }, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(s.Path(), Options{})
	if !errors.Is(err, ErrNewerSchema) || problemCode(err) != "db_newer_schema" {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
}

func TestOpenEmptiedFileWithBackups(t *testing.T) {
	for _, c := range []struct {
		name    string
		backup  bool
		wantErr bool
	}{
		{"no backups: a new database", false, false},
		{"backups: refused", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "salesplan.db")
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if c.backup {
				_ = os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
				_ = os.WriteFile(filepath.Join(dir, "backups", "salesplan-2026-11-26.db"), []byte("x"), 0o600)
			}
			_, err := Open(path, Options{})
			if c.wantErr {
				if !errors.Is(err, ErrDamaged) || problemCode(err) != "db_emptied" {
					t.Fatalf("Open = %v, want db_emptied", err)
				}
				if fi, _ := os.Stat(path); fi.Size() != 0 {
					t.Error("the emptied file was written to")
				}
			} else if err != nil {
				t.Fatalf("Open = %v", err)
			}
		})
	}
}

func TestOpenBucketlessFileWithBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salesplan.db")
	db, err := bolt.Open(path, 0o600, nil) // a valid but empty bbolt file
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	_ = os.WriteFile(path+".backup-2026-11-20", []byte("x"), 0o600)
	if _, err := Open(path, Options{}); problemCode(err) != "db_emptied" {
		t.Fatalf("Open = %v, want db_emptied", err)
	}
}

func TestLockTimeout(t *testing.T) {
	s := newStore(t)
	s.opts.LockTimeout = 150 * time.Millisecond
	holder, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.AddClient(model.Client{Name: "王总"}, d("2026-11-27"))
	waited := time.Since(start)
	if !errors.Is(err, ErrLocked) || problemCode(err) != "db_locked" {
		t.Fatalf("AddClient while locked = %v, want ErrLocked", err)
	}
	if waited > 2*time.Second {
		t.Errorf("waited %v for a 150ms lock timeout", waited)
	}
	if _, err := s.Revision(); !errors.Is(err, ErrLocked) {
		t.Errorf("Revision while locked = %v, want ErrLocked", err)
	}
	holder.Close()
	if _, err := s.AddClient(model.Client{Name: "王总"}, d("2026-11-27")); err != nil {
		t.Fatalf("AddClient after release: %v", err)
	}
}

func TestRevisionBumpsOnWritesOnly(t *testing.T) {
	s := newStore(t)
	r0, err := s.Revision()
	if err != nil {
		t.Fatal(err)
	}
	c := mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-11-01"))
	_, _ = s.Clients(d("2026-11-27"), true)
	if _, err := Open(s.Path(), Options{}); err != nil {
		t.Fatal(err)
	}
	r1, _ := s.Revision()
	if r1 != r0+1 {
		t.Errorf("revision after one write = %d, want %d", r1, r0+1)
	}
	if _, err := s.AddClient(model.Client{Name: "acme ltd"}, d("2026-11-27")); err == nil {
		t.Fatal("duplicate name accepted")
	}
	if r2, _ := s.Revision(); r2 != r1 {
		t.Errorf("a refused write bumped the revision: %d → %d", r1, r2)
	}
	_ = c
}

func TestReadOnly(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	ro, err := Open(s.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := ro.FindClient("王"); err != nil || c.Name != "王总" {
		t.Errorf("read-only FindClient = %v, %v", c, err)
	}
	if _, err := ro.AddClient(model.Client{Name: "李总"}, d("2026-11-27")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only AddClient = %v, want ErrReadOnly", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.db"), Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("read-only open of a missing file = %v, want ErrNotFound", err)
	}
}

func TestFlippedByteIsAnError(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	err := s.write(func(tx *bolt.Tx) error {
		b := tx.Bucket(bClients)
		v := append([]byte(nil), b.Get(idKey(c.ID))...)
		v[len(v)-3] ^= 0x01 // one bit in the JSON payload
		return b.Put(idKey(c.ID), v)
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client(c.ID); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("Client of a damaged record = %v, want ErrCorrupt checksum", err)
	}
	if _, err := s.Clients(d("2026-11-27"), true); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Clients = %v, want ErrCorrupt", err)
	}
	// The drift check would fail on the damaged record: repair it first.
	good, _ := encodeRecord(c)
	if err := s.write(func(tx *bolt.Tx) error { return tx.Bucket(bClients).Put(idKey(c.ID), good) }, false); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeRecordEnvelope(t *testing.T) {
	good, _ := encodeRecord(model.Client{Name: "x"})
	var c model.Client
	for name, raw := range map[string][]byte{
		"empty":       nil,
		"short":       good[:3],
		"version":     append([]byte{9}, good[1:]...),
		"bad json":    func() []byte { b, _ := encodeRecord(1); b[len(b)-1] = '{'; return b }(),
		"truncated":   good[:len(good)-1],
		"flipped crc": append([]byte{good[0], good[1] ^ 0xff}, good[2:]...),
	} {
		if err := decodeRecord("client 1", raw, &c); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: decode = %v, want ErrCorrupt", name, err)
		}
	}
	if err := decodeRecord("client 1", good, &c); err != nil || c.Name != "x" {
		t.Errorf("good record: %v %v", c, err)
	}
}

func TestPanicInTransactionIsRecovered(t *testing.T) {
	s := newStore(t)
	err := s.view(func(tx *bolt.Tx) error { panic("page 7: invalid type") })
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), BackupDir(s.Path())) {
		t.Fatalf("view panic = %v, want ErrDamaged naming the backups", err)
	}
	err = s.update(func(tx *bolt.Tx) error { panic("boom") })
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("update panic = %v, want ErrDamaged", err)
	}
	// The store still works afterwards (the file was closed).
	mustClient(t, s, "after", model.TierRegular, d("2026-11-01"))
}

// fillClients writes n clients in one transaction.
func fillClients(t *testing.T, s *Store, n int) {
	t.Helper()
	err := s.update(func(tx *bolt.Tx) error {
		for i := range n {
			c := model.Client{Name: "client " + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + time.Duration(i).String(),
				Tier: model.TierRegular, CreatedOn: d("2026-01-01")}
			if err := putClient(tx, &c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDamagedPageIsAnErrorNotACrash(t *testing.T) {
	s := openPlain(t)
	fillClients(t, s, 2000)
	// Mark every leaf page as an unknown page type: bbolt panics when it
	// reads one ("Page expected to be…").
	f, err := os.OpenFile(s.Path(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	ps := int64(os.Getpagesize())
	damaged := 0
	for off := 2 * ps; off+16 <= fi.Size(); off += ps {
		var flags [2]byte
		_, _ = f.ReadAt(flags[:], off+8)
		if binary.LittleEndian.Uint16(flags[:]) != 0x02 { // leaf pages only
			continue
		}
		binary.LittleEndian.PutUint16(flags[:], 0x40)
		_, _ = f.WriteAt(flags[:], off+8)
		damaged++
	}
	if damaged == 0 {
		t.Fatal("no leaf page found to damage")
	}
	f.Close()
	_, err = s.Clients(d("2026-11-27"), true)
	if err == nil {
		t.Fatal("reading a damaged file succeeded")
	}
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrDamaged or ErrCorrupt", err)
	}
	t.Log(err)
}

func TestTruncatedFileIsAnError(t *testing.T) {
	s := openPlain(t)
	fillClients(t, s, 3000)
	fi, _ := os.Stat(s.Path())
	if err := os.Truncate(s.Path(), fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	// bbolt would fault reading past its map (an unrecoverable SIGSEGV):
	// both Open and a later transaction must refuse first.
	if _, err := Open(s.Path(), Options{}); !errors.Is(err, ErrDamaged) || problemCode(err) != "db_truncated" {
		t.Fatalf("Open of a half file = %v, want db_truncated", err)
	}
	if _, err := s.Clients(d("2026-11-27"), true); problemCode(err) != "db_truncated" {
		t.Fatalf("Clients on a half file = %v, want db_truncated", err)
	}
}

func TestOpenRebuildsMissingIndexes(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	err := s.write(func(tx *bolt.Tx) error { return tx.Bucket(bIndex).DeleteBucket(ixClientName) }, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindClient("王总"); !errors.Is(err, ErrDamaged) {
		t.Fatalf("FindClient without its index = %v, want ErrDamaged (a clear error, not a crash)", err)
	}
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s2.FindClient("王总"); err != nil || got.ID != c.ID {
		t.Errorf("after reopening: %v, %v", got, err)
	}
}

// The planner runs actions in goroutines while the command line writes to
// the same file: every write lands, none fails on the lock.
func TestConcurrentWriters(t *testing.T) {
	s := newStore(t)
	cli, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	errs := make(chan error, 3*n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(3)
		go func() { defer wg.Done(); _, err := s.AddTask(model.Task{Title: fmt.Sprint("p", i)}); errs <- err }()
		go func() { defer wg.Done(); _, err := cli.AddTask(model.Task{Title: fmt.Sprint("c", i)}); errs <- err }()
		go func() { defer wg.Done(); _, err := s.Today(d("2026-11-27")); errs <- err }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	inbox, _ := s.TasksOn(model.NoDate)
	if len(inbox) != 2*n {
		t.Errorf("%d tasks stored, want %d", len(inbox), 2*n)
	}
	if rev, _ := s.Revision(); rev < 2*n {
		t.Errorf("revision %d after %d writes", rev, 2*n)
	}
	if got := undoLen(t, s); got != 2*n {
		t.Errorf("undo log %d steps, want %d (the planner's and the command line's: the log is shared)", got, 2*n)
	}
}

// A database emptied while the planner has it "open" is refused, not
// silently restarted as a new one.
func TestEmptiedWhileOpen(t *testing.T) {
	s := openPlain(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	if err := os.Truncate(s.Path(), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Clients(d("2026-11-27"), true); problemCode(err) != "db_emptied" {
		t.Fatalf("Clients on an emptied file = %v, want db_emptied", err)
	}
	if fi, _ := os.Stat(s.Path()); fi.Size() != 0 {
		t.Error("the emptied file was written to")
	}
}

// Lists of an empty database are empty, not nil, so `--json` prints [].
func TestEmptyListsAreNotNil(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	clients, err1 := s.Clients(today, true)
	promises, err2 := s.Promises(true)
	projects, err3 := s.Projects(today, true)
	tasks, err4 := s.TasksOn(today)
	journal, err5 := s.ProjectJournal(1, 0)
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		t.Fatal(err)
	}
	if clients == nil || promises == nil || projects == nil || tasks == nil || journal == nil {
		t.Errorf("nil list: clients %v promises %v projects %v tasks %v journal %v",
			clients == nil, promises == nil, projects == nil, tasks == nil, journal == nil)
	}
}

// A long transaction of this process makes another goroutine's action
// fail with ErrLocked after the lock wait, not hang.
func TestInProcessWaitIsBounded(t *testing.T) {
	s := newStore(t)
	s.opts.LockTimeout = 100 * time.Millisecond
	release := make(chan struct{})
	held := make(chan struct{})
	go func() {
		_ = s.view(func(tx *bolt.Tx) error { close(held); <-release; return nil })
	}()
	<-held
	start := time.Now()
	_, err := s.Revision()
	close(release)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Revision during a long transaction = %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("waited %v", waited)
	}
}

// A queue of short transactions longer than the lock timeout in total is
// not a lock "held too long": every waiter gets its turn, because the wait
// is measured from the last time the lock changed hands, not from when the
// waiter joined the queue. (A loaded CI machine under -race queues dozens.)
func TestInProcessQueueOutlastsTimeout(t *testing.T) {
	s := newStore(t)
	// 20 × 30 ms is well over two timeouts of queue, while each holder
	// stays far under one (room for a slow open on a loaded machine).
	s.opts.LockTimeout = 250 * time.Millisecond
	const n = 20
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.view(func(tx *bolt.Tx) error { time.Sleep(30 * time.Millisecond); return nil })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a waiter behind short transactions failed: %v", err)
		}
	}
}
