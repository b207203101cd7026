package proof

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Bit flips and crafted meta pages (DESIGN.md §6): bbolt reads its file
// through a memory map, so a page id or a size damaged by one bit used to
// make it read outside the map and die of SIGSEGV/SIGBUS, a crash no
// recover catches. Now every command exits 0 (it did not need the damaged
// part) or 1 with one line, never a stack trace; check finds the damage;
// backups lists the backups and restore brings the file back.

var le = binary.LittleEndian

// pageSize of the files the tests make (bbolt uses the OS page size).
var pageSize = int64(os.Getpagesize())

// flipCmds are run against each damaged file, in order.
var flipCmds = [][]string{
	{"today"},
	{"week"},
	{"client", "list"},
	{"promise", "list", "--all"},
	{"export", "--format", "json"},
	{"note", "王总", "after the damage"},
	{"client", "add", "Proof Client"},
	{"check"},
}

// filePage is a page of the file: its bytes and where they are.
type filePage struct {
	id   int64
	data []byte
}

func readPage(t *testing.T, path string, id int64) filePage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, pageSize)
	if _, err := f.ReadAt(b, id*pageSize); err != nil {
		t.Fatal(err)
	}
	return filePage{id: id, data: b}
}

func writeAt(t *testing.T, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// flipBit flips one bit of the byte at off.
func flipBit(t *testing.T, path string, off int64, bit uint) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, off); err != nil {
		t.Fatal(err)
	}
	b[0] ^= 1 << bit
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// bucketRoot is the root page of a top-level bucket.
func bucketRoot(t *testing.T, path, name string) int64 {
	var root int64
	withBolt(t, path, true, func(tx *bolt.Tx) error {
		root = int64(tx.Bucket([]byte(name)).Root())
		return nil
	})
	if root == 0 {
		t.Fatalf("bucket %s is inline", name)
	}
	return root
}

// leafUnder follows the first child of branch pages down to a leaf.
func leafUnder(t *testing.T, path string, id int64) int64 {
	for range 10 {
		p := readPage(t, path, id)
		if le.Uint16(p.data[8:]) == 0x02 {
			return id
		}
		id = int64(le.Uint64(p.data[16+8:])) // element 0's page id
	}
	t.Fatalf("no leaf under page %d", id)
	return 0
}

// currentMeta is the offset of the meta page bbolt opens on (the valid one
// with the higher transaction id).
func currentMeta(t *testing.T, path string) int64 {
	m0, m1 := readPage(t, path, 0), readPage(t, path, 1)
	if le.Uint64(m1.data[64:]) > le.Uint64(m0.data[64:]) {
		return pageSize
	}
	return 0
}

// craftMeta changes the current meta page and writes a valid checksum, so
// that bbolt trusts it.
func craftMeta(t *testing.T, path string, edit func(m []byte)) {
	t.Helper()
	off := currentMeta(t, path)
	p := readPage(t, path, off/pageSize)
	edit(p.data)
	h := fnv.New64a()
	h.Write(p.data[16:72])
	le.PutUint64(p.data[72:], h.Sum64())
	writeAt(t, path, off, p.data)
}

// flipCase damages the demo file in one way.
type flipCase struct {
	name   string
	damage func(t *testing.T, path string)
	// allFail: the damage is where every open looks (the meta, the root),
	// so every command but check fails; else a command may succeed when
	// it does not read the damaged part.
	allFail bool
}

func flipCases() []flipCase {
	metaField := func(off int, v uint64) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			craftMeta(t, path, func(m []byte) { le.PutUint64(m[off:], v) })
		}
	}
	return []flipCase{
		{"meta root beyond the file", metaField(32, 1<<40), true},
		{"meta root on the freelist page", func(t *testing.T, path string) {
			craftMeta(t, path, func(m []byte) { copy(m[32:40], m[48:56]) })
		}, true},
		{"meta root on a data page", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "clients"))
			craftMeta(t, path, func(m []byte) { le.PutUint64(m[32:], uint64(leaf)) })
		}, true},
		{"meta freelist beyond the file", metaField(48, 1<<33), true},
		{"meta pages in use beyond the file", metaField(56, 1<<30), true},
		{"meta page size doubled", func(t *testing.T, path string) {
			craftMeta(t, path, func(m []byte) { le.PutUint32(m[24:], uint32(2*pageSize)) })
		}, true},
		{"root page count flipped", func(t *testing.T, path string) {
			root := int64(le.Uint64(readPage(t, path, currentMeta(t, path)/pageSize).data[32:]))
			flipBit(t, path, root*pageSize+11, 7) // count's high byte
		}, true},
		{"value size flipped", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "clients"))
			flipBit(t, path, leaf*pageSize+16+12+3, 6) // element 0's vsize, bit 30
		}, false},
		{"key size flipped", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "clients"))
			flipBit(t, path, leaf*pageSize+16+8+2, 4) // element 0's ksize, bit 20
		}, false},
		{"value position flipped", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "journal"))
			flipBit(t, path, leaf*pageSize+16+4+2, 3) // element 0's pos, bit 19
		}, false},
		{"branch pointer flipped far", func(t *testing.T, path string) {
			root := bucketRoot(t, path, "clients")
			flipBit(t, path, root*pageSize+16+16+8+5, 0) // element 1's page id, bit 40
		}, false},
		{"branch pointer flipped near", func(t *testing.T, path string) {
			root := bucketRoot(t, path, "journal")
			flipBit(t, path, root*pageSize+16+16+8, 1) // element 1's page id, bit 1
		}, false},
		{"page overflow flipped", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "tasks"))
			flipBit(t, path, leaf*pageSize+15, 6) // overflow, bit 30
		}, false},
		{"page flags flipped", func(t *testing.T, path string) {
			leaf := leafUnder(t, path, bucketRoot(t, path, "promises"))
			flipBit(t, path, leaf*pageSize+8, 4) // leaf becomes leaf|freelist
		}, false},
		{"index bucket root beyond the file", func(t *testing.T, path string) {
			// A sub-bucket's root page id, in the idx bucket's value.
			root := bucketRoot(t, path, "idx")
			leaf := leafUnder(t, path, root)
			p := readPage(t, path, leaf)
			pos := le.Uint32(p.data[16+4:])
			ksize := le.Uint32(p.data[16+8:])
			off := leaf*pageSize + 16 + int64(pos) + int64(ksize) // element 0's value: root u64
			flipBit(t, path, off+5, 2)
		}, false},
	}
}

// TestFlippedBits runs every command against each damaged file: none
// crashes (salesplan() fails the test on a signal), a failure is one line,
// check finds the damage, backups lists the backups, and restore brings
// the file back.
func TestFlippedBits(t *testing.T) {
	for _, fc := range flipCases() {
		t.Run(fc.name, func(t *testing.T) {
			dir := tempDir(t)
			path := demoDB(t, dir, true)
			fc.damage(t, path)
			damaged := fileSum(t, path)
			for _, args := range flipCmds {
				r := salesplan(t, proc{}, append([]string{"--db", path, "--today", today}, args...)...)
				what := fc.name + ": " + strings.Join(args, " ")
				t.Logf("%s: exit %d %s", what, r.code, strings.TrimSpace(r.err))
				switch {
				case r.code == 1:
					oneLine(t, what, r.err)
				case r.code == 0 && (fc.allFail || args[0] == "check"):
					t.Errorf("%s: exit 0, want 1 (the damage is not seen)\nstdout: %.300s", what, r.out)
				case r.code != 0:
					t.Errorf("%s: exit %d, want 0 or 1\nstderr: %s", what, r.code, r.err)
				}
				if fc.allFail && r.code == 1 && args[0] != "check" && !strings.Contains(r.err, "damaged") {
					t.Errorf("%s: %q does not say the file is damaged", what, r.err)
				}
				// A write never lands on a damaged page structure: bbolt
				// would rewrite damaged pages or reuse pages in use.
				if (args[0] == "note" || args[0] == "client" && args[1] == "add") && r.code != 1 {
					t.Errorf("%s: a write on a damaged file succeeded", what)
				}
				if r.code == 1 && fileSum(t, path) != damaged {
					t.Errorf("%s: failed and changed the file", what)
				}
			}
			restoreRecovers(t, path)
		})
	}
}

// restoreRecovers lists the backups of a damaged database and restores the
// newest: the file is whole again.
func restoreRecovers(t *testing.T, path string) {
	t.Helper()
	r := salesplan(t, proc{}, "--db", path, "--today", today, "backups")
	if r.code != 0 || !strings.Contains(r.out, "salesplan-") {
		t.Fatalf("backups: exit %d\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
	}
	autos, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "salesplan-2*.db"))
	if len(autos) == 0 {
		t.Fatal("no automatic backup to restore")
	}
	r = salesplan(t, proc{}, "--db", path, "--today", today, "restore", "--yes", autos[len(autos)-1])
	if r.code != 0 {
		t.Fatalf("restore: exit %d: %s", r.code, r.err)
	}
	if r := salesplan(t, proc{}, "--db", path, "--today", today, "check"); r.code != 0 {
		t.Errorf("check after restore: exit %d\n%s%s", r.code, r.out, r.err)
	}
	if r := salesplan(t, proc{}, "--db", path, "--today", today, "client", "list"); r.code != 0 || !strings.Contains(r.out, "王总") {
		t.Errorf("client list after restore: exit %d: %s", r.code, r.err)
	}
}

// TestRandomBitFlips flips one random bit of the file at a time (seeded:
// a failure names its seed) and runs the commands: none crashes, a
// failure is one line.
func TestRandomBitFlips(t *testing.T) {
	dir := tempDir(t)
	orig := demoDB(t, dir, true)
	pristine, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	flips := 40
	if raceOn {
		flips = 6
	}
	cmds := [][]string{{"today"}, {"client", "list"}, {"export", "--format", "json"}, {"note", "王总", "after"}, {"check"}}
	found := 0
	for seed := range uint64(flips) {
		rng := rand.New(rand.NewPCG(seed, 13))
		off := rng.Int64N(int64(len(pristine)))
		bit := uint(rng.IntN(8))
		write(t, orig, pristine)
		flipBit(t, orig, off, bit)
		for _, args := range cmds {
			r := salesplan(t, proc{}, append([]string{"--db", orig, "--today", today}, args...)...)
			what := fmt.Sprintf("seed %d (byte %d bit %d, page %d): %s", seed, off, bit, off/pageSize, strings.Join(args, " "))
			switch r.code {
			case 0:
			case 1:
				oneLine(t, what, r.err)
				if args[0] == "check" {
					found++
				}
			default:
				t.Errorf("%s: exit %d: %s", what, r.code, r.err)
			}
		}
	}
	t.Logf("%d random flips: check found %d (the others hit free space or unused bytes)", flips, found)
}
