package storage

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestCheckCleanDatabase(t *testing.T) {
	for _, name := range []string{"empty", "sample"} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			if name == "sample" {
				if err := s.ImportDocument(sampleDocument(), false); err != nil {
					t.Fatal(err)
				}
			}
			problems, err := s.checkImpl()
			if err != nil || problems != nil {
				t.Errorf("Check on a clean database: %q %v", problems, err)
			}
		})
	}
}

func TestCheckFindsProblems(t *testing.T) {
	cases := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   string
	}{
		{"flipped byte in a record", func(tx *bolt.Tx) error {
			b := tx.Bucket(bClients)
			v := append([]byte(nil), b.Get(idKey(1))...)
			v[len(v)-3] ^= 0x01
			return b.Put(idKey(1), v)
		}, "client 1: checksum mismatch"},
		{"stale index entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bIndex).Bucket(ixTaskDate).Put(cat(dateBytes(d("2026-01-01")), idKey(99)), empty)
		}, "stale index entry task_date/"},
		{"missing index entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bIndex).Bucket(ixClientName).Delete(nameKey("ACME Ltd"))
		}, "missing index entry client_name/"},
		{"dangling reference", func(tx *bolt.Tx) error {
			p := model.Promise{ID: 9, ClientID: 77, Text: "x", Due: d("2026-12-01"), Status: model.PromiseOpen}
			raw, err := encodeRecord(p)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bPromises).SetSequence(9); err != nil {
				return err
			}
			return tx.Bucket(bPromises).Put(idKey(9), raw)
		}, "promise 9: refers to client 77, which does not exist"},
		{"key and id disagree", func(tx *bolt.Tx) error {
			raw, err := encodeRecord(model.Task{ID: 3, Title: "x", Kind: model.TaskTodo})
			if err != nil {
				return err
			}
			return tx.Bucket(bTasks).Put(idKey(2), raw)
		}, "task 2: the record says id 3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openPlain(t)
			if err := s.ImportDocument(sampleDocument(), false); err != nil {
				t.Fatal(err)
			}
			if err := s.update(tc.damage); err != nil {
				t.Fatal(err)
			}
			problems, err := s.checkImpl()
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			found := false
			for _, p := range problems {
				if strings.Contains(p, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems %q lack %q", problems, tc.want)
			}
		})
	}
}
