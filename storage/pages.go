package storage

// The bbolt file's page structure, read with ReadAt and checked against
// the file before bbolt maps it (DESIGN.md §6 "A damaged file never
// crashes a command").
//
// bbolt reads its file through a memory map and trusts what it finds: a
// page id or an element size damaged by one flipped bit makes it read
// outside the map, which faults (SIGSEGV/SIGBUS) rather than panics, or
// read garbage. Two defences, one cheap and one whole:
//
//   - Every open (preflight) checks the meta pages bbolt will choose, the
//     root bucket's page and the freelist page: ids within the file, page
//     headers that name their page, counts and element sizes that fit in
//     their page. A damaged root or meta is refused with the "damaged"
//     line before bbolt sees it.
//   - verifyPages walks every page reachable from the meta's root, every
//     bucket and sub-bucket, and the freelist, with the same checks plus:
//     no page reached twice (a cycle would loop bbolt forever), no free
//     page in use, pages within the high-water mark, and keys in order
//     (strictly increasing in each page, within the bounds its parent
//     branch gives it): a key out of order reads nothing outside the file
//     but misleads a lookup, and a write would spread it. check runs it
//     before bbolt's own Check (which reads in a goroutine of its own,
//     where no fault can be recovered), and so do the verification of
//     automatic backups and restore's check of the file to restore.
//
// What is left — damage deep in a tree that a command happens to read —
// is contained at the storage boundary: every transaction runs with
// runtime/debug.SetPanicOnFault and a recover (guard in store.go).
//
// The layout is bbolt's (go.etcd.io/bbolt/internal/common), little-endian
// on the machines it runs on here: a page header is id u64, flags u16,
// count u16, overflow u32; a branch element pos u32, ksize u32, pgid u64;
// a leaf element flags u32, pos u32, ksize u32, vsize u32, pos counted
// from the element; a bucket value root u64, sequence u64, then an inline
// page when root is 0; the freelist page count 0xffff means the real count
// is the first u64.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"os"
	"sync/atomic"
)

const (
	pageHeaderSize   = 16
	pageElementSize  = 16 // branch and leaf elements alike
	bucketHeaderSize = 16
	pageBranch       = 0x01
	pageLeaf         = 0x02
	pageMeta         = 0x04
	pageFreelist     = 0x10
	leafBucket       = 0x01
	noFreelist       = ^uint64(0)
	// maxTreeDepth bounds the descent: a B+tree of a file this size is a
	// few levels deep; more is a cycle or garbage.
	maxTreeDepth = 64
	// maxPageReport bounds what verifyPages lists.
	maxPageReport = 50
)

var le = binary.LittleEndian

// pageFile reads pages of a bbolt file through ReadAt: damage is an
// error, never a fault.
type pageFile struct {
	r    io.ReaderAt
	data []byte // the file mapped, when it could be (verifyPages); else ReadAt
	size int64  // bytes in the file
	ps   uint64
	hwm  uint64 // pages in use, from the meta
	seen []uint64
}

func newPageFile(r io.ReaderAt, size int64, m boltMeta) *pageFile {
	return &pageFile{r: r, size: size, ps: uint64(m.pageSize), hwm: m.hwm}
}

// validPageSize: bbolt uses the OS page size (4 KiB here; 16 or 64 KiB on
// some machines), a power of two.
func validPageSize(ps uint32) bool {
	return ps >= 1024 && ps <= 1<<16 && bits.OnesCount32(ps) == 1
}

// page reads page id with its overflow pages, checking that it lies in
// the file below the high-water mark and that its header names it.
func (pf *pageFile) page(id uint64) ([]byte, error) {
	if id < 2 || id >= pf.hwm {
		return nil, fmt.Errorf("page id %d is outside the file's pages (2…%d)", id, pf.hwm-1)
	}
	if pf.data != nil {
		return pf.mapped(id)
	}
	p := make([]byte, pf.ps)
	if _, err := pf.r.ReadAt(p, int64(id*pf.ps)); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := le.Uint64(p); got != id {
		return nil, fmt.Errorf("page %d names itself page %d", id, got)
	}
	over := uint64(le.Uint32(p[12:]))
	if id+over >= pf.hwm || (id+over+1)*pf.ps > uint64(pf.size) {
		return nil, fmt.Errorf("page %d with %d overflow pages runs past the file", id, over)
	}
	if over > 0 {
		p = append(p, make([]byte, over*pf.ps)...)
		if _, err := pf.r.ReadAt(p[pf.ps:], int64((id+1)*pf.ps)); err != nil {
			return nil, fmt.Errorf("page %d: %w", id, err)
		}
	}
	return p, nil
}

// mapped is page for a mapped file: the same checks, no copy.
func (pf *pageFile) mapped(id uint64) ([]byte, error) {
	if (id+1)*pf.ps > uint64(len(pf.data)) {
		return nil, fmt.Errorf("page %d runs past the file", id)
	}
	p := pf.data[id*pf.ps : (id+1)*pf.ps]
	if got := le.Uint64(p); got != id {
		return nil, fmt.Errorf("page %d names itself page %d", id, got)
	}
	over := uint64(le.Uint32(p[12:]))
	if id+over >= pf.hwm || (id+over+1)*pf.ps > uint64(len(pf.data)) {
		return nil, fmt.Errorf("page %d with %d overflow pages runs past the file", id, over)
	}
	return pf.data[id*pf.ps : (id+over+1)*pf.ps], nil
}

// mark records that pages id…id+over are in use; a page reached twice is
// damage (bbolt would loop or share it between two trees).
func (pf *pageFile) mark(id, over uint64) error {
	if pf.seen == nil {
		pf.seen = make([]uint64, (pf.hwm+63)/64)
	}
	for p := id; p <= id+over; p++ {
		w, b := p/64, uint64(1)<<(p%64)
		if pf.seen[w]&b != 0 {
			return fmt.Errorf("page %d is reached twice", p)
		}
		pf.seen[w] |= b
	}
	return nil
}

// elements checks a branch or leaf page's header and elements against the
// page's bytes — every element's key and value must lie inside the page —
// and its keys' order: strictly increasing, the first no lower than lo and
// the last below hi (the bounds its parent branch gives it; nil = none).
// bbolt finds a key by binary search over that order: a key out of order
// (one flipped bit) hides records from lookups and lets a write put a
// second copy or a new key in the wrong place, spreading the damage. It
// calls fn for each child of a branch page and each bucket of a leaf page
// (its flags and value; for a branch the child page id and the key).
// Plain leaf values are only bounds-checked: this runs over every element
// of the file, so it does no more per element than it must.
func elements(p, lo, hi []byte, fn func(flags uint32, key, value []byte, child uint64) error) error {
	if len(p) < pageHeaderSize {
		return fmt.Errorf("page of %d bytes is too short", len(p))
	}
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	if flags != pageBranch && flags != pageLeaf {
		return fmt.Errorf("page %d is not a branch or leaf page (flags %#x)", le.Uint64(p), flags)
	}
	if flags == pageBranch && count == 0 {
		return fmt.Errorf("branch page %d is empty", le.Uint64(p))
	}
	if pageHeaderSize+count*pageElementSize > len(p) {
		return fmt.Errorf("page %d: %d elements do not fit in %d bytes", le.Uint64(p), count, len(p))
	}
	size := uint64(len(p))
	var prev []byte
	for i := range count {
		off := pageHeaderSize + i*pageElementSize
		e := p[off : off+pageElementSize : off+pageElementSize]
		var key []byte
		if flags == pageBranch {
			pos, ksize := uint64(le.Uint32(e)), uint64(le.Uint32(e[4:]))
			if ksize == 0 || uint64(off)+pos+ksize > size {
				return fmt.Errorf("page %d element %d (key %d bytes) runs past its page", le.Uint64(p), i, ksize)
			}
			key = p[uint64(off)+pos : uint64(off)+pos+ksize]
		} else {
			pos, ksize, vsize := uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
			if ksize == 0 || uint64(off)+pos+ksize+vsize > size {
				return fmt.Errorf("page %d element %d (key %d bytes, value %d) runs past its page", le.Uint64(p), i, ksize, vsize)
			}
			key = p[uint64(off)+pos : uint64(off)+pos+ksize]
		}
		switch {
		case i > 0 && bytes.Compare(key, prev) <= 0:
			return fmt.Errorf("page %d key %d is not after the key before it (keys out of order)", le.Uint64(p), i)
		case i == 0 && lo != nil && bytes.Compare(key, lo) < 0:
			return fmt.Errorf("page %d's first key is before its key in the parent branch (keys out of order)", le.Uint64(p))
		case i == count-1 && hi != nil && bytes.Compare(key, hi) >= 0:
			return fmt.Errorf("page %d's last key is not before the next key of the parent branch (keys out of order)", le.Uint64(p))
		}
		prev = key
		if flags == pageBranch {
			if err := fn(0, key, nil, le.Uint64(e[8:])); err != nil {
				return err
			}
			continue
		}
		eflags := le.Uint32(e)
		if eflags&^leafBucket != 0 {
			return fmt.Errorf("page %d element %d has unknown flags %#x", le.Uint64(p), i, eflags)
		}
		if eflags&leafBucket != 0 {
			start := uint64(off) + uint64(le.Uint32(e[4:])) + uint64(len(key))
			if err := fn(eflags, key, p[start:start+uint64(le.Uint32(e[12:]))], 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// tree checks the B+tree whose root is page id, and every bucket nested
// in it; shallow checks the root page only (its children's ids must still
// lie in the file). lo and hi bound the page's keys (elements).
func (pf *pageFile) tree(id uint64, depth int, shallow bool, lo, hi []byte) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("page %d: the tree is deeper than %d levels", id, maxTreeDepth)
	}
	p, err := pf.page(id)
	if err != nil {
		return err
	}
	if !shallow {
		if err := pf.mark(id, uint64(le.Uint32(p[12:]))); err != nil {
			return err
		}
	}
	branch := le.Uint16(p[8:]) == pageBranch
	// A branch's children are walked once its keys are known to be in
	// order: child i holds keys from key i up to (not including) key i+1.
	type child struct {
		id  uint64
		key []byte
	}
	var children []child
	err = elements(p, lo, hi, func(flags uint32, key, value []byte, c uint64) error {
		switch {
		case branch:
			if c < 2 || c >= pf.hwm {
				return fmt.Errorf("page %d points to page %d, outside the file's pages", id, c)
			}
			if !shallow {
				children = append(children, child{c, key})
			}
			return nil
		case flags&leafBucket != 0:
			return pf.bucket(id, value, depth, shallow)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, c := range children {
		next := hi
		if i+1 < len(children) {
			next = children[i+1].key
		}
		if err := pf.tree(c.id, depth+1, false, c.key, next); err != nil {
			return err
		}
	}
	return nil
}

// bucket checks a bucket value: its root page, or its inline page.
func (pf *pageFile) bucket(parent uint64, value []byte, depth int, shallow bool) error {
	if len(value) < bucketHeaderSize {
		return fmt.Errorf("page %d: a bucket value of %d bytes is too short", parent, len(value))
	}
	root := le.Uint64(value)
	if root != 0 {
		if root < 2 || root >= pf.hwm {
			return fmt.Errorf("page %d: a bucket's root page %d is outside the file's pages", parent, root)
		}
		if shallow {
			return nil
		}
		return pf.tree(root, depth+1, false, nil, nil)
	}
	inline := value[bucketHeaderSize:]
	if len(inline) < pageHeaderSize || le.Uint16(inline[8:]) != pageLeaf {
		return fmt.Errorf("page %d: an inline bucket is damaged", parent)
	}
	if depth > maxTreeDepth {
		return fmt.Errorf("page %d: buckets nested deeper than %d levels", parent, maxTreeDepth)
	}
	return elements(inline, nil, nil, func(flags uint32, _, v []byte, _ uint64) error {
		if flags&leafBucket != 0 {
			return pf.bucket(parent, v, depth+1, shallow)
		}
		return nil
	})
}

// freelist checks the freelist page: its kind, its count against its
// pages, and that every free page id lies in the file.
func (pf *pageFile) freelist(id uint64, mark bool) error {
	if id == noFreelist {
		return nil
	}
	p, err := pf.page(id)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	if le.Uint16(p[8:]) != pageFreelist {
		return fmt.Errorf("freelist page %d is not a freelist page (flags %#x)", id, le.Uint16(p[8:]))
	}
	if mark {
		if err := pf.mark(id, uint64(le.Uint32(p[12:]))); err != nil {
			return err
		}
	}
	count, start := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
	if count == 0xffff {
		if len(p) < pageHeaderSize+8 {
			return fmt.Errorf("freelist page %d is too short", id)
		}
		count, start = le.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > (uint64(len(p))-start)/8 {
		return fmt.Errorf("freelist page %d: %d free pages do not fit in it", id, count)
	}
	for i := range count {
		free := le.Uint64(p[start+8*i:])
		if free < 2 || free >= pf.hwm {
			return fmt.Errorf("freelist page %d lists page %d, outside the file's pages", id, free)
		}
		// After the walk, a free page must not be one in use: bbolt would
		// write new data over it.
		if mark && pf.seen[free/64]&(1<<(free%64)) != 0 {
			return fmt.Errorf("page %d is both free and in use", free)
		}
	}
	return nil
}

// readMetas reads the file's two meta pages and returns the one bbolt
// opens on (the valid one with the higher transaction id) and the file's
// size; ok false when neither is valid.
func readMetas(f *os.File) (m boltMeta, size int64, ok bool, err error) {
	fi, err := f.Stat()
	if err != nil {
		return m, 0, false, err
	}
	size = fi.Size()
	buf := make([]byte, 80)
	var metas []boltMeta
	if _, err := f.ReadAt(buf, 0); err == nil {
		if m, ok := parseMeta(buf); ok {
			metas = append(metas, m)
		}
	}
	second := int64(os.Getpagesize())
	if len(metas) > 0 {
		second = int64(metas[0].pageSize)
	}
	if _, err := f.ReadAt(buf, second); err == nil {
		if m, ok := parseMeta(buf); ok {
			metas = append(metas, m)
		}
	}
	if len(metas) == 0 {
		return m, size, false, nil
	}
	m = metas[0]
	if len(metas) == 2 && metas[1].txid > m.txid {
		m = metas[1]
	}
	return m, size, true, nil
}

// checkMeta checks the chosen meta against the file, then the pages every
// open reads first: the root bucket's page and the freelist. It returns
// what is wrong, or "" (truncated reports a file shorter than its pages).
func checkMeta(f io.ReaderAt, size int64, m boltMeta) (problem string, truncated bool) {
	switch {
	case !validPageSize(m.pageSize):
		return fmt.Sprintf("meta: page size %d is not one bbolt writes", m.pageSize), false
	case m.hwm < 4 || m.hwm > uint64(size)/uint64(m.pageSize):
		return fmt.Sprintf("meta: %d pages in use, the file holds %d", m.hwm, uint64(size)/uint64(m.pageSize)), true
	case m.root < 2 || m.root >= m.hwm:
		return fmt.Sprintf("meta: root page %d is outside the file's pages", m.root), false
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.hwm):
		return fmt.Sprintf("meta: freelist page %d is outside the file's pages", m.freelist), false
	}
	pf := newPageFile(f, size, m)
	if err := pf.tree(m.root, 0, true, nil, nil); err != nil {
		return "root: " + err.Error(), false
	}
	// The root bucket holds buckets only: a root that points at another
	// bucket's page (a flipped bit in a crafted meta) is damage, not a
	// foreign file.
	if p, err := pf.page(m.root); err == nil && le.Uint16(p[8:]) == pageLeaf {
		if err := elements(p, nil, nil, func(uint32, []byte, []byte, uint64) error { return nil }); err != nil {
			return "root: " + err.Error(), false
		}
		for i := range int(le.Uint16(p[10:])) {
			if le.Uint32(p[pageHeaderSize+i*pageElementSize:])&leafBucket == 0 {
				return fmt.Sprintf("root: root page %d holds a value, not a bucket", m.root), false
			}
		}
	}
	if err := pf.freelist(m.freelist, false); err != nil {
		return err.Error(), false
	}
	return "", false
}

// pageWalks counts verifyPages calls (tests see which writes walked).
var pageWalks atomic.Int64

// verifyPages walks every page reachable from the chosen meta and returns
// what is wrong (at most maxPageReport lines; none = the structure is
// sound, so bbolt's own reads stay inside the file).
func verifyPages(path string) ([]string, error) {
	pageWalks.Add(1)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, size, ok, err := readMetas(f)
	if err != nil {
		return nil, err
	}
	if !ok {
		return []string{"both meta pages are damaged"}, nil
	}
	if problem, _ := checkMeta(f, size, m); problem != "" {
		return []string{problem}, nil
	}
	pf := newPageFile(f, size, m)
	if data, unmap, err := mapFile(f, size); err == nil {
		pf.data = data
		defer unmap()
	}
	var out []string
	walk := func() {
		if err := pf.tree(m.root, 0, false, nil, nil); err != nil {
			out = append(out, err.Error())
		} else if err := pf.freelist(m.freelist, true); err != nil {
			out = append(out, err.Error())
		}
	}
	// The map is read under contain: a file cut short by another program
	// meanwhile faults, which is then a problem found, not a crash.
	if r := contain(walk); r != nil {
		out = append(out, fmt.Sprintf("the file changed while it was read: %v", r))
	}
	return out[:min(len(out), maxPageReport)], nil
}
