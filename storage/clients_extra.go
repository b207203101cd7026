package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Client actions of the planner's Clients pane that change one field. Each
// reads the client afresh inside its own transaction, so a change made by
// the command line since the pane last loaded is not overwritten (a
// whole-record UpdateClient from a stale copy would undo it).

// SetClientTier makes a client key or regular; undoable as "edit_client".
func (s *Store) SetClientTier(id model.ID, tier model.Tier) (model.Client, error) {
	var c model.Client
	err := s.act(ActEditClient, func(r *recorder) error {
		var err error
		if c, err = getClient(r.tx, id); err != nil {
			return fmt.Errorf("reading client %d: %w", id, err)
		}
		c.Tier = tier
		if err := validateClient(&c); err != nil {
			return err
		}
		return r.putClient(&c)
	})
	return c, err
}

// ArchiveClient hides a client from lists, keeping its history; undoable as
// "archive_client". Archiving an archived client changes nothing.
func (s *Store) ArchiveClient(id model.ID) (model.Client, error) {
	var c model.Client
	err := s.act(ActArchiveClient, func(r *recorder) error {
		var err error
		if c, err = getClient(r.tx, id); err != nil {
			return fmt.Errorf("reading client %d: %w", id, err)
		}
		if c.Archived {
			return nil
		}
		c.Archived = true
		return r.putClient(&c)
	})
	return c, err
}

// ClientName is what a client picker shows and searches.
type ClientName struct {
	ID      model.ID
	Name    string
	Company string
	Area    string
	Key     bool
}

// ClientNames lists the non-archived clients by name, for pickers: it reads
// the client records only, none of their history.
func (s *Store) ClientNames() ([]ClientName, error) {
	out := []ClientName{}
	err := s.view(func(tx *bolt.Tx) error {
		return ix(tx, ixClientName).ForEach(func(_, v []byte) error {
			c, err := getClient(tx, keyID(v))
			if err != nil {
				return err
			}
			if !c.Archived {
				out = append(out, ClientName{ID: c.ID, Name: c.Name, Company: c.Company, Area: c.Area, Key: c.Tier == model.TierKey})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing client names: %w", err)
	}
	return out, nil
}
