package proof

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// step is one command run against a bad file.
type step struct {
	args  []string
	stdin string
	ok    bool   // the command may succeed: it does not touch the damage
	want  string // a word stderr (or stdout, when ok) must hold; "" = the case's
}

// damageCase is a database file made bad in one way.
type damageCase struct {
	name string
	// setup damages the database at path (demo data, the daily backup
	// beside it unless noBackups) and returns how to start the child.
	setup     func(t *testing.T, dir, path string) proc
	noBackups bool
	want      string // a word each failing command's line holds (lower case)
	steps     []step // nil = failing(allCommands)
}

// The commands run against each bad file: reads, writes, and the check.
var allCommands = [][]string{
	{"today"},
	{"client", "list"},
	{"client", "add", "Proof Client", "--company", strings.Repeat("x", 64<<10)},
	{"note", "王总", "proof note"},
	{"check"},
}

func failing(cmds [][]string) []step {
	out := make([]step, len(cmds))
	for i, c := range cmds {
		out[i] = step{args: c}
	}
	return out
}

// Every bad file gives one clear line and exit 1, never a panic or a crash,
// and is left byte for byte as it was.
func TestDamagedFiles(t *testing.T) {
	for _, tc := range damageCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := tempDir(t)
			path := demoDB(t, dir, !tc.noBackups)
			p := tc.setup(t, dir, path)
			steps := tc.steps
			if steps == nil {
				steps = failing(allCommands)
			}
			for _, s := range steps {
				before := fileSum(t, path)
				p.stdin = s.stdin
				r := salesplan(t, p, append([]string{"--db", path, "--today", today}, s.args...)...)
				what := tc.name + ": " + strings.Join(s.args[:min(len(s.args), 2)], " ")
				t.Logf("%s: exit %d, %s", what, r.code, strings.TrimSpace(r.err))
				want := cmp.Or(s.want, tc.want)
				if s.ok {
					if r.code != 0 {
						t.Errorf("%s: exit %d, want 0\nstderr: %s", what, r.code, r.err)
					}
					if !strings.Contains(strings.ToLower(r.out), want) {
						t.Errorf("%s: stdout does not say %q: %.300s", what, want, r.out)
					}
				} else {
					if r.code != 1 {
						t.Errorf("%s: exit %d, want 1\nstdout: %.300s", what, r.code, r.out)
					}
					oneLine(t, what, r.err)
					if !strings.Contains(strings.ToLower(r.err), want) {
						t.Errorf("%s: stderr %q does not say %q", what, r.err, want)
					}
				}
				if after := fileSum(t, path); after != before {
					t.Errorf("%s: the file changed", what)
				}
			}
		})
	}
}

// bigImport is an exchange document of about 2 MiB, to merge: a write
// that must grow the file.
func bigImport() string {
	var b strings.Builder
	b.WriteString(`{"format":"salesplan","version":1,"clients":[`)
	for i := range 32 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"Big %d","company":"%s","created_on":"2026-11-01"}`, 1000+i, i, strings.Repeat("y", 64<<10))
	}
	b.WriteString("]}")
	return b.String()
}

func damageCases() []damageCase {
	reads := []step{{args: []string{"today"}, ok: true, want: "today"}, {args: []string{"client", "list"}, ok: true, want: "王总"}}
	return []damageCase{
		{name: "truncated to half", want: "damaged", setup: func(t *testing.T, _, path string) proc {
			truncate(t, path, size(t, path)/2)
			return proc{}
		}},
		{name: "truncated to one page", want: "damaged", setup: func(t *testing.T, _, path string) proc {
			truncate(t, path, 4096)
			return proc{}
		}},
		{name: "emptied with backups", want: "backup", setup: func(t *testing.T, _, path string) proc {
			truncate(t, path, 0)
			return proc{}
		}},
		{name: "clients root page zeroed", want: "damaged", setup: func(t *testing.T, _, path string) proc {
			zeroPage(t, path, clientsRoot(t, path))
			return proc{}
		}, steps: []step{
			{args: []string{"today"}, ok: true, want: "today"}, // the day reads no client record
			{args: []string{"client", "list"}},
			{args: []string{"client", "add", "Proof Client"}},
			{args: []string{"note", "王总", "proof note"}},
			{args: []string{"check"}, want: "problem"},
		}},
		{name: "first meta page zeroed", want: "damaged", setup: func(t *testing.T, _, path string) proc {
			// bbolt keeps two meta pages so that one torn write loses no
			// more than the last transaction: it opens on the other.
			zeroPage(t, path, 0)
			return proc{}
		}, steps: []step{
			{args: []string{"today"}, ok: true, want: "today"},
			{args: []string{"check"}, want: "problem"},
		}},
		{name: "both meta pages zeroed", want: "not a salesplan database", setup: func(t *testing.T, _, path string) proc {
			zeroPage(t, path, 0)
			zeroPage(t, path, 1)
			return proc{}
		}},
		{name: "not bbolt (text)", want: "not a salesplan database", setup: func(t *testing.T, _, path string) proc {
			write(t, path, []byte("name,phone\n王总,138\n"))
			return proc{}
		}},
		{name: "not bbolt (random bytes)", want: "not a salesplan database", setup: func(t *testing.T, _, path string) proc {
			b := make([]byte, 64<<10)
			for i := range b {
				b[i] = byte(i*7919 + i/13)
			}
			write(t, path, b)
			return proc{}
		}},
		{name: "another program's bbolt file", want: "not a salesplan database", setup: func(t *testing.T, _, path string) proc {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			foreignBolt(t, path)
			return proc{}
		}},
		{name: "newer schema", want: "newer salesplan", setup: func(t *testing.T, _, path string) proc {
			setSchema(t, path, 99)
			return proc{}
		}},
		{name: "immutable file (chattr +i)", want: "not permitted", setup: func(t *testing.T, _, path string) proc {
			chattr(t, path, "+i")
			return proc{}
		}},
		{name: "read-only file, not root", want: "permission denied", setup: func(t *testing.T, dir, path string) proc {
			return asNobody(t, dir, path)
		}},
		{name: "disk full", want: "file too large", setup: func(t *testing.T, dir, path string) proc {
			// No write may grow any file (the database, its backups): a
			// full disk as far as this process can tell.
			return proc{env: []string{fsizeEnv + "=" + strconv.FormatInt(size(t, path), 10)}}
		}, steps: append(reads, step{args: []string{"import", "--merge", "-"}, stdin: bigImport()})},
	}
}

func size(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func truncate(t *testing.T, path string, n int64) {
	t.Helper()
	if err := os.Truncate(path, n); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// withBolt opens the file with bbolt directly, as a tool would.
func withBolt(t *testing.T, path string, readOnly bool, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: readOnly, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if readOnly {
		err = db.View(fn)
	} else {
		err = db.Update(fn)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// clientsRoot returns the page id of the clients bucket's root (the demo
// has enough clients that it is not inline).
func clientsRoot(t *testing.T, path string) int64 {
	var root int64
	withBolt(t, path, true, func(tx *bolt.Tx) error {
		root = int64(tx.Bucket([]byte("clients")).Root())
		return nil
	})
	if root == 0 {
		t.Fatal("the clients bucket is inline: no page to zero")
	}
	return root
}

func zeroPage(t *testing.T, path string, id int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps := int64(os.Getpagesize())
	if _, err := f.WriteAt(make([]byte, ps), id*ps); err != nil {
		t.Fatal(err)
	}
}

func foreignBolt(t *testing.T, path string) {
	withBolt(t, path, false, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	})
}

func setSchema(t *testing.T, path string, v uint64) {
	withBolt(t, path, false, func(tx *bolt.Tx) error {
		b := make([]byte, 8)
		for i := 7; i >= 0; i-- {
			b[i] = byte(v)
			v >>= 8
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), b)
	})
}

// chattr sets a file attribute; +i makes the file immutable even for root
// (which permission bits do not stop).
func chattr(t *testing.T, path, attr string) {
	t.Helper()
	if out, err := exec.Command("chattr", attr, path).CombinedOutput(); err != nil {
		t.Skipf("chattr %s: %v %s", attr, err, out)
	}
	if attr == "+i" {
		t.Cleanup(func() { _ = exec.Command("chattr", "-i", path).Run() })
	}
}

// nobody is the unprivileged user the read-only case runs as.
const nobody = 65534

// asNobody gives the database directory to nobody, makes the file
// read-only (0400) and returns a child that runs as nobody: tests run as
// root, for whom permission bits do not apply. The binary is copied where
// nobody may run it.
func asNobody(t *testing.T, dir, path string) proc {
	t.Helper()
	if os.Getuid() != 0 {
		// Not root: chmod alone makes the file read-only for us.
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		return proc{}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "salesplan")
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	err = filepath.Walk(filepath.Dir(path), func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(p, nobody, nobody)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	return proc{exe: exe, env: []string{"HOME=" + dir},
		attr: &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}}
}

// On a full disk a write either commits whole or fails with one line and
// leaves the file as it was; afterwards every acknowledged write is there
// and the check is clean.
func TestDiskFullWrites(t *testing.T) {
	dir := tempDir(t)
	path := demoDB(t, dir, true)
	p := proc{env: []string{fsizeEnv + "=" + strconv.FormatInt(size(t, path), 10)}}
	var added []string
	failed := 0
	for i := range 12 {
		name := fmt.Sprintf("Full %d", i)
		before := fileSum(t, path)
		// 64 KiB: a text field's limit (DESIGN.md §2), so each write is
		// as large as one client's field can make it.
		r := salesplan(t, p, "--db", path, "--today", today, "client", "add", name, "--company", strings.Repeat("z", 64<<10))
		switch r.code {
		case 0:
			added = append(added, name)
		case 1:
			failed++
			oneLine(t, name, r.err)
			if !strings.Contains(r.err, "file too large") {
				t.Errorf("%s: %q does not say why", name, r.err)
			}
			if fileSum(t, path) != before {
				t.Errorf("%s: a failed write changed the file", name)
			}
		default:
			t.Fatalf("%s: exit %d: %s", name, r.code, r.err)
		}
	}
	t.Logf("disk full: %d writes fitted in the file's free pages, %d refused", len(added), failed)
	if failed == 0 {
		t.Fatal("no write hit the size limit: the test proves nothing")
	}
	r := salesplan(t, proc{}, "--db", path, "--today", today, "check")
	if r.code != 0 {
		t.Errorf("check after a full disk: exit %d\n%s%s", r.code, r.out, r.err)
	}
	list := salesplan(t, proc{}, "--db", path, "--today", today, "client", "list")
	for _, name := range added {
		if !strings.Contains(list.out, name) {
			t.Errorf("acknowledged %q is missing", name)
		}
	}
}

// A 0-byte file with no backup anywhere near is what a new database looks
// like, and bbolt would start one in it (DESIGN.md §6): salesplan does so
// and says nothing. A backup beside it, automatic or made by hand, shows
// there was data: then it refuses and points to the backups.
func TestEmptiedFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		backup string // a file made beside the database, relative to its directory
		code   int
	}{
		{"no backups", "", 0},
		{"an automatic backup", "backups/salesplan-2026-11-20.db", 1},
		{"a backup made by hand", "salesplan.db.backup-1", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tempDir(t)
			path := demoDB(t, dir, false)
			truncate(t, path, 0)
			if tc.backup != "" {
				b := filepath.Join(filepath.Dir(path), tc.backup)
				if err := os.MkdirAll(filepath.Dir(b), 0o700); err != nil {
					t.Fatal(err)
				}
				write(t, b, []byte("x"))
			}
			r := salesplan(t, proc{}, "--db", path, "--today", today, "client", "list")
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.out, r.err)
			}
			if tc.code == 0 {
				if strings.Contains(r.out, "王总") {
					t.Errorf("the emptied file still lists clients:\n%s", r.out)
				}
				return
			}
			oneLine(t, tc.name, r.err)
			if !strings.Contains(r.err, "backups") || size(t, path) != 0 {
				t.Errorf("stderr %q, file %d bytes", r.err, size(t, path))
			}
		})
	}
}

// Any one page zeroed — a branch, a leaf, an overflow page, the freelist —
// never crashes a command: each one works (it did not need the page) or
// fails with one line, the file stays as it was, and check finds every
// damaged page that was in use.
func TestAnyPageZeroed(t *testing.T) {
	dir := tempDir(t)
	orig := demoDB(t, dir, true)
	pristine, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string // by page id
	withBolt(t, orig, true, func(tx *bolt.Tx) error {
		for id := 0; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return err
			}
			kinds = append(kinds, info.Type)
		}
	})
	pages := 40
	if raceOn {
		pages = 6 // each child is race-instrumented: ~0.7 s a process
	}
	step := max(1, len(kinds)/pages)
	cmds := [][]string{{"today"}, {"week"}, {"client", "list"}, {"promise", "list", "--all"}, {"project", "list"},
		{"export", "--format", "json"}, {"note", "王总", "after the damage"}, {"check"}}
	tested := map[string]int{}
	for id := 2; id < len(kinds); id += step {
		write(t, orig, pristine)
		zeroPage(t, orig, int64(id))
		tested[kinds[id]]++
		for _, args := range cmds {
			before := fileSum(t, orig)
			r := salesplan(t, proc{}, append([]string{"--db", orig, "--today", today}, args...)...)
			what := fmt.Sprintf("page %d (%s) zeroed: %s", id, kinds[id], strings.Join(args, " "))
			switch r.code {
			case 0:
			case 1:
				oneLine(t, what, r.err)
				if fileSum(t, orig) != before {
					t.Errorf("%s: failed and changed the file", what)
				}
			default:
				t.Errorf("%s: exit %d: %s", what, r.code, r.err)
			}
			if args[0] == "check" && kinds[id] != "free" && r.code == 0 {
				t.Errorf("%s: check finds nothing wrong", what)
			}
		}
	}
	t.Logf("zeroed %d of %d pages, one at a time: %v", len(kinds[2:])/step, len(kinds), tested)
}

// check on a full disk cannot rebuild the indexes in its scratch file: that
// is the check failing to run, not a problem found in the database.
func TestCheckOnFullDisk(t *testing.T) {
	dir := tempDir(t)
	path := demoDB(t, dir, true)
	p := proc{env: []string{fsizeEnv + "=" + strconv.FormatInt(size(t, path)/4, 10)}}
	r := salesplan(t, p, "--db", path, "--today", today, "check")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
	}
	oneLine(t, "check", r.err)
	if strings.Contains(r.err, "problems") || !strings.Contains(r.err, "file too large") {
		t.Errorf("check on a full disk says %q (stdout %q): the database is fine, the check could not run", r.err, r.out)
	}
	if r := salesplan(t, proc{}, "--db", path, "--today", today, "check"); r.code != 0 {
		t.Errorf("check with room: exit %d: %s%s", r.code, r.out, r.err)
	}
}
