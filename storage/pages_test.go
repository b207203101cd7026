package storage

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// filledStore is a store with enough records for branch pages.
func filledStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	for i := range 300 {
		if _, err := s.AddClient(model.Client{Name: fmt.Sprintf("Client %03d", i), Needs: strings.Repeat("n", 200)}, d("2026-11-27")); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// pageOf returns the root page of a top-level bucket and the page size.
func pageOf(t *testing.T, s *Store, bucket string) (root int64, ps int64) {
	t.Helper()
	err := s.view(func(tx *bolt.Tx) error {
		root = int64(tx.Bucket([]byte(bucket)).Root())
		ps = int64(tx.DB().Info().PageSize)
		return nil
	})
	if err != nil || root == 0 {
		t.Fatalf("root of %s: %d %v", bucket, root, err)
	}
	return root, ps
}

func flip(t *testing.T, path string, off int64, mask byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := []byte{0}
	if _, err := f.ReadAt(b, off); err != nil {
		t.Fatal(err)
	}
	b[0] ^= mask
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyPages(t *testing.T) {
	s := filledStore(t)
	if problems, err := verifyPages(s.Path()); err != nil || len(problems) > 0 {
		t.Fatalf("a sound file: %v %v", problems, err)
	}
	root, ps := pageOf(t, s, "clients")
	for _, c := range []struct {
		name string
		off  int64 // from the clients root page
		mask byte
		want string
	}{
		{"child page id far", 16 + 8 + 5, 1, "outside the file's pages"},
		{"child page id near", 16 + 16 + 8, 2, ""}, // another page: reached twice, or the wrong kind
		{"element count", 11, 0x40, "do not fit"},
		{"key size", 16 + 4 + 2, 0x10, "runs past its page"},
		{"page flags", 8, 0x10, "not a branch or leaf"},
		{"page id", 0, 1, "names itself"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pristine, _ := os.ReadFile(s.Path())
			defer os.WriteFile(s.Path(), pristine, 0o600)
			flip(t, s.Path(), root*ps+c.off, c.mask)
			problems, err := verifyPages(s.Path())
			if err != nil || len(problems) == 0 {
				t.Fatalf("damage not found: %v %v", problems, err)
			}
			if !strings.Contains(problems[0], c.want) {
				t.Errorf("problem %q, want …%s…", problems[0], c.want)
			}
			// Writes are refused; reads of the damaged bucket fail with one
			// error, and none faults.
			s2, err := Open(s.Path(), Options{})
			if err == nil {
				if _, err := s2.AddClient(model.Client{Name: "After"}, d("2026-11-27")); err == nil {
					t.Errorf("a write on the damaged file succeeded")
				}
				_, _ = s2.Clients(d("2026-11-27"), true)
				if problems, err := s2.Check(); err != nil || len(problems) == 0 {
					t.Errorf("check: %v %v", problems, err)
				}
			}
		})
	}
}

// The meta page is checked on every open: a crafted meta whose root lies
// beyond the file is refused before bbolt maps it.
func TestPreflightRefusesAMetaBeyondTheFile(t *testing.T) {
	s := filledStore(t)
	pristine, _ := os.ReadFile(s.Path())
	t.Cleanup(func() { os.WriteFile(s.Path(), pristine, 0o600) })
	f, err := os.OpenFile(s.Path(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	m, size, ok, err := readMetas(f)
	if !ok || err != nil {
		t.Fatal("no meta")
	}
	for _, off := range []int64{0, int64(m.pageSize)} {
		p := make([]byte, 80)
		f.ReadAt(p, off)
		le.PutUint64(p[32:], 1<<40) // root
		h := fnvSum(p[16:72])
		le.PutUint64(p[72:], h)
		f.WriteAt(p, off)
	}
	f.Close()
	if problem, _ := checkMeta(mustOpen(t, s.Path()), size, boltMeta{pageSize: m.pageSize, root: 1 << 40, freelist: m.freelist, hwm: m.hwm}); problem == "" {
		t.Errorf("checkMeta passed a root beyond the file")
	}
	_, err = s.Clients(d("2026-11-27"), true)
	if p := model.ProblemOf(err); p == nil || p.Code != "db_damaged" {
		t.Errorf("read: %v, want db_damaged", err)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func fnvSum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// A flipped bit in a key puts the keys of a page out of order: bbolt's
// Check finds it ("needs to be > than previous element"), and so must the
// walk before a write, which is then refused as damage (a write would put
// keys in the wrong place and spread it).
func TestVerifyPagesKeyOrder(t *testing.T) {
	s := filledStore(t)
	root, ps := pageOf(t, s, "clients")
	read := func(id int64) []byte {
		b := make([]byte, ps)
		f := mustOpen(t, s.Path())
		if _, err := f.ReadAt(b, id*ps); err != nil {
			t.Fatal(err)
		}
		return b
	}
	leaf := root
	if p := read(root); le.Uint16(p[8:]) == pageBranch {
		leaf = int64(le.Uint64(p[16+8:])) // the first child
	}
	p := read(leaf)
	if le.Uint16(p[8:]) != pageLeaf || le.Uint16(p[10:]) < 2 {
		t.Fatalf("page %d is not a leaf with two keys", leaf)
	}
	for _, c := range []struct {
		name string
		elem int
		mask byte
	}{
		{"first key made larger than the second", 0, 0x80},
		{"second key made equal to the first", 1, 0}, // the mask is computed below
	} {
		t.Run(c.name, func(t *testing.T) {
			pristine, _ := os.ReadFile(s.Path())
			defer os.WriteFile(s.Path(), pristine, 0o600)
			off := 16 + c.elem*16
			pos, ksize := int(le.Uint32(p[off+4:])), int(le.Uint32(p[off+8:]))
			key := append([]byte(nil), p[off+pos:off+pos+ksize]...)
			// The first key's top bit: it rises above the second. The second
			// key's last byte set to the first key's (ids are 8 bytes,
			// big-endian: 1 and 2 differ there only): two equal keys.
			at := off + pos
			if c.elem == 1 {
				at = off + pos + ksize - 1
				c.mask = key[ksize-1] ^ p[16+int(le.Uint32(p[16+4:]))+ksize-1]
			}
			flip(t, s.Path(), leaf*ps+int64(at), c.mask)
			problems, err := verifyPages(s.Path())
			if err != nil || len(problems) == 0 || !strings.Contains(problems[0], "keys out of order") {
				t.Fatalf("verifyPages = %v, %v; want keys out of order", problems, err)
			}
			before, _ := os.ReadFile(s.Path())
			s2, err := Open(s.Path(), Options{})
			if err == nil {
				_, err = s2.AddClient(model.Client{Name: "After"}, d("2026-11-27"))
			}
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("write on a file with keys out of order = %v, want ErrDamaged", err)
			}
			if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
				t.Error("the damaged file was written")
			}
		})
	}
}
