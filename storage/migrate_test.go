package storage

import (
	"encoding/json"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	for i, m := range migrations {
		if m.To != uint64(i+1) {
			t.Errorf("migrations[%d] goes to %d, want %d", i, m.To, i+1)
		}
		if m.Run == nil || m.What == "" {
			t.Errorf("migration %d lacks its function or description", m.To)
		}
	}
	if n := len(migrations); n == 0 || migrations[n-1].To != schemaVersion {
		t.Errorf("the last migration does not reach schemaVersion %d", schemaVersion)
	}
}

// writeV0 lays out a database as schema 0 wrote it: a meta bucket without a
// schema key, bare JSON records, no indexes, no sequences.
func writeV0(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 1e9})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	put := func(tx *bolt.Tx, bucket []byte, id model.ID, v any) {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(v)
		if err := b.Put(idKey(id), raw); err != nil {
			t.Fatal(err)
		}
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(bMeta)
		if err != nil {
			return err
		}
		st := model.DefaultSettings()
		st.CallsPerDay = 12
		raw, _ := json.Marshal(st)
		if err := m.Put(kSettings, raw); err != nil {
			return err
		}
		put(tx, bClients, 1, model.Client{ID: 1, Name: "王总", Tier: model.TierKey, CreatedOn: d("2026-11-01")})
		put(tx, bClients, 2, model.Client{ID: 2, Name: "ACME", Tier: model.TierRegular, CreatedOn: d("2026-11-02")})
		put(tx, bProjects, 1, model.Project{ID: 1, Name: "万达", ClientID: 1, Stage: model.StageDesign,
			StageHistory: []model.StageEntry{{Stage: model.StageDesign, On: d("2026-11-03")}}})
		put(tx, bTasks, 5, model.Task{ID: 5, Title: "call", Date: d("2026-11-27"), Kind: model.TaskCall, ClientID: 1})
		put(tx, bJournal, 1, model.JournalEntry{ID: 1, ClientID: 1, ProjectID: 1, Kind: model.EntryVisit, At: at("2026-11-20", 10), Text: "见面"})
		put(tx, bPromises, 1, model.Promise{ID: 1, ClientID: 2, Text: "报价", MadeOn: d("2026-11-20"), Due: d("2026-11-30"), Status: model.PromiseOpen})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateV0ToV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	writeV0(t, path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open a v0 database: %v", err)
	}
	t.Cleanup(func() { assertNoDrift(t, s) })
	err = s.view(func(tx *bolt.Tx) error {
		if v := readU64(tx.Bucket(bMeta).Get(kSchema)); v != schemaVersion {
			t.Errorf("schema after migration %d, want %d", v, schemaVersion)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.Document()
	if err != nil {
		t.Fatalf("records after migration: %v", err)
	}
	if len(doc.Clients) != 2 || len(doc.Tasks) != 1 || len(doc.Journal) != 1 || len(doc.Promises) != 1 || len(doc.Projects) != 1 {
		t.Fatalf("records after migration: %+v", doc)
	}
	if doc.Settings.CallsPerDay != 12 {
		t.Errorf("settings lost: calls per day %d", doc.Settings.CallsPerDay)
	}
	// The indexes work: the client is found by name, its visit counts.
	c, err := s.FindClient("王")
	if err != nil || c.ID != 1 {
		t.Errorf("FindClient after migration: %+v %v", c, err)
	}
	// Ids continue after the existing ones (v0 kept no sequence).
	task, err := s.AddTask(model.Task{Title: "new", Kind: model.TaskTodo})
	if err != nil || task.ID != 6 {
		t.Errorf("new task id %d (%v), want 6", task.ID, err)
	}
	if problems, err := s.checkImpl(); err != nil || problems != nil {
		t.Errorf("check after migration: %v %v", problems, err)
	}
}

func TestMigrateV0RefusesGarbageRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	writeV0(t, path)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 1e9})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bTasks).Put(idKey(9), []byte("not json")) })
	db.Close()
	if _, err := Open(path, Options{}); err == nil {
		t.Fatal("a v0 database with a garbage record migrated")
	}
	// Nothing was changed: still schema 0, the good records still bare.
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 1e9, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta).Get(kSchema) != nil || tx.Bucket(bIndex) != nil {
			t.Errorf("a failed migration left changes behind")
		}
		if v := tx.Bucket(bClients).Get(idKey(1)); len(v) == 0 || v[0] != '{' {
			t.Errorf("a failed migration rewrote a record")
		}
		return nil
	})
}

func TestMigrateTo1IsRerunnable(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	before, _ := s.Document()
	err := s.update(func(tx *bolt.Tx) error { return migrateTo1(tx) })
	if err != nil {
		t.Fatalf("migrateTo1 on a current database: %v", err)
	}
	after, _ := s.Document()
	if len(after.Clients) != 1 || after.Clients[0] != before.Clients[0] {
		t.Errorf("rerun changed records: %+v → %+v", before.Clients, after.Clients)
	}
}
