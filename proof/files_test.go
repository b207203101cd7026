package proof

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// target is a path a file-writing command is pointed at.
type target struct {
	name  string
	setup func(t *testing.T, dir, db string) string // returns the path
	want  string                                    // a word the refusal holds (lower case)
}

func fileTargets() []target {
	return []target{
		{"FIFO", func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "fifo"},
		{"device node", func(t *testing.T, dir, _ string) string {
			// A character device like /dev/null (1, 3), made in the temp dir.
			p := filepath.Join(dir, "null")
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(1<<8|3)); err != nil {
				t.Skipf("mknod: %v (needs root)", err)
			}
			return p
		}, "device"},
		{"socket", func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "sock")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Close() })
			return p
		}, "socket"},
		{"directory", func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "folder")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			return p
		}, "folder"},
		{"symlink to a file", func(t *testing.T, dir, _ string) string {
			other := filepath.Join(dir, "precious.txt")
			write(t, other, []byte("keep me"))
			p := filepath.Join(dir, "link")
			if err := os.Symlink(other, p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "symbolic link"},
		{"symlink to the database", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "dblink")
			if err := os.Symlink(db, p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "symbolic link"},
		{"the live database", func(t *testing.T, _, db string) string { return db }, "the database itself"},
		{"the database by another path", func(t *testing.T, _, db string) string {
			return filepath.Join(filepath.Dir(db), "..", filepath.Base(filepath.Dir(db)), ".", filepath.Base(db))
		}, "the database itself"},
		{"a hard link to the database", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "hardlink.db")
			if err := os.Link(db, p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "the database itself"},
		{"an automatic backup", func(t *testing.T, _, db string) string {
			m, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "salesplan-*.db"))
			if len(m) == 0 {
				t.Fatal("no automatic backup")
			}
			return m[0]
		}, "backup of the database"},
		{"a hard link to a backup", func(t *testing.T, dir, db string) string {
			m, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "salesplan-*.db"))
			if len(m) == 0 {
				t.Fatal("no automatic backup")
			}
			p := filepath.Join(dir, "backup-link.db")
			if err := os.Link(m[0], p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "backup of the database"},
	}
}

// state is what must not change: the target's kind and bytes, and the
// database's and its backups' bytes.
func state(t *testing.T, paths ...string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range paths {
		fi, err := os.Lstat(p)
		if err != nil {
			b.WriteString(p + ": absent\n")
			continue
		}
		b.WriteString(p + ": " + fi.Mode().String())
		if fi.Mode().IsRegular() {
			b.WriteString(" " + fileSum(t, p))
		}
		if fi.Mode()&os.ModeSymlink != 0 {
			dest, _ := os.Readlink(p)
			b.WriteString(" → " + dest)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// export -o, backup FILE and restore never write through a device, a FIFO,
// a socket, a folder or a link, nor over the database or its backups: one
// line, exit 1, every file as it was.
func TestWritesOnlyRegularFiles(t *testing.T) {
	for _, tg := range fileTargets() {
		for _, cmd := range [][]string{{"export", "-o"}, {"export", "--format", "csv", "-o"}, {"backup"}} {
			t.Run(tg.name+"/"+strings.Join(cmd, " "), func(t *testing.T) {
				dir := tempDir(t)
				db := demoDB(t, dir, true)
				path := tg.setup(t, dir, db)
				backups, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*"))
				watch := append([]string{path, db, filepath.Join(dir, "precious.txt")}, backups...)
				before := state(t, watch...)
				r := salesplan(t, proc{}, append([]string{"--db", db, "--today", today}, append(cmd, path)...)...)
				what := tg.name + ": " + strings.Join(cmd, " ")
				if r.code != 1 {
					t.Fatalf("%s: exit %d, want 1\nstdout: %.200s\nstderr: %s", what, r.code, r.out, r.err)
				}
				oneLine(t, what, r.err)
				if !strings.Contains(strings.ToLower(r.err), tg.want) {
					t.Errorf("%s: %q does not say %q", what, r.err, tg.want)
				}
				if after := state(t, watch...); after != before {
					t.Errorf("%s: files changed:\nbefore\n%s\nafter\n%s", what, before, after)
				}
				// Nothing is left behind in the target's folder.
				if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp-*")); len(left) > 0 {
					t.Errorf("%s: scratch files left: %v", what, left)
				}
			})
		}
	}
}

// A regular file and a new path are written, as ever.
func TestWritesRegularFilesAndNewPaths(t *testing.T) {
	dir := tempDir(t)
	db := demoDB(t, dir, true)
	old := filepath.Join(dir, "old.json")
	write(t, old, []byte("old"))
	for _, args := range [][]string{
		{"export", "-o", old},
		{"export", "-o", filepath.Join(dir, "new.json")},
		{"backup", filepath.Join(dir, "copy.db")},
		{"backup", filepath.Join(dir, "copy.db")}, // over its own earlier copy
	} {
		r := salesplan(t, proc{}, append([]string{"--db", db, "--today", today}, args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
	}
	if b, _ := os.ReadFile(old); !strings.Contains(string(b), `"format": "salesplan"`) {
		t.Errorf("export over a regular file did not write it: %.60s", b)
	}
}

// restore writes only the database file: a --db that is a FIFO or a device
// is refused, and a database reached through a symbolic link is restored
// where the link points, the link kept.
func TestRestoreTargets(t *testing.T) {
	t.Run("FIFO as --db", func(t *testing.T) {
		dir := tempDir(t)
		db := demoDB(t, dir, true)
		fifo := filepath.Join(dir, "fifo.db")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		r := salesplan(t, proc{}, "--db", fifo, "--today", today, "restore", "--yes", db)
		if r.code != 1 {
			t.Fatalf("exit %d: %s", r.code, r.err)
		}
		oneLine(t, "restore onto a FIFO", r.err)
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
		}
	})
	t.Run("symlinked database", func(t *testing.T) {
		dir := tempDir(t)
		db := demoDB(t, dir, true)
		copyDB := filepath.Join(dir, "copy.db")
		if r := salesplan(t, proc{}, "--db", db, "--today", today, "backup", copyDB); r.code != 0 {
			t.Fatal(r.err)
		}
		link := filepath.Join(dir, "link.db")
		if err := os.Symlink(db, link); err != nil {
			t.Fatal(err)
		}
		if r := salesplan(t, proc{}, "--db", link, "--today", today, "client", "add", "After the copy"); r.code != 0 {
			t.Fatal(r.err)
		}
		r := salesplan(t, proc{}, "--db", link, "--today", today, "restore", "--yes", copyDB)
		if r.code != 0 {
			t.Fatalf("restore through a link: exit %d: %s", r.code, r.err)
		}
		if dest, err := os.Readlink(link); err != nil || dest != db {
			t.Errorf("the link was replaced: %q %v", dest, err)
		}
		if r := salesplan(t, proc{}, "--db", db, "--today", today, "client", "list"); strings.Contains(r.out, "After the copy") {
			t.Errorf("the database the link points to was not restored")
		}
	})
	t.Run("hard link to the database as the backup", func(t *testing.T) {
		dir := tempDir(t)
		db := demoDB(t, dir, true)
		hard := filepath.Join(dir, "hard.db")
		if err := os.Link(db, hard); err != nil {
			t.Fatal(err)
		}
		before := fileSum(t, db)
		r := salesplan(t, proc{}, "--db", db, "--today", today, "restore", "--yes", hard)
		if r.code != 1 || !strings.Contains(r.err, "database itself") {
			t.Fatalf("exit %d: %s", r.code, r.err)
		}
		if fileSum(t, db) != before {
			t.Errorf("the database changed")
		}
	})
}
