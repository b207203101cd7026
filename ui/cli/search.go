package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// searchCmd is `search TEXT… [--kind K] [--limit N] [--json]`: every
// record whose text has all the words, newest first (storage.Search).
func (a *app) searchCmd() *cobra.Command {
	var asJSON bool
	var kindArg string
	var limit int
	c := &cobra.Command{
		Use:   "search TEXT…",
		Short: a.t("cli.short.search"),
		Long:  a.t("cli.long.search"),
		Args:  minArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		query := strings.Join(args, " ")
		kind, err := a.searchKind(kindArg)
		if err != nil {
			return err
		}
		if limit < 1 || limit > 1000 {
			return &usageError{key: "cli.err.search_limit", args: []any{limit}} // a bad flag value: bad usage
		}
		if model.Blank(query) || len(model.SearchTerms(query)) == 0 {
			return fail("cli.err.search_empty", query)
		}
		res, err := st.Search(query, kind, limit)
		if err != nil {
			return failWith(err, "cli.err.search", query)
		}
		if asJSON {
			out := []jsonSearchHit{}
			for _, h := range res.Hits {
				out = append(out, searchHitJSON(h))
			}
			return a.writeJSON(out)
		}
		if len(res.Hits) == 0 {
			a.say("cli.search.none", clip(clean(query)))
			return nil
		}
		tb := table{right: []bool{false, false, true}}
		for _, h := range res.Hits {
			tb.add(dateCell(h.Date), a.searchKindWord(h), fmt.Sprintf("#%d", h.ID), orDash(clean(h.Client)),
				a.searchSnippet(h))
		}
		tb.write(a.stdout, "")
		if res.More {
			a.say("cli.search.more", len(res.Hits))
		}
		return nil
	})
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	f.StringVar(&kindArg, "kind", "", a.t("cli.flag.search_kind"))
	f.IntVar(&limit, "limit", 20, a.t("cli.flag.search_limit"))
	return c
}

// searchKind reads --kind: client, note, task, promise, project, in
// English or the run's language; "journal" is note.
func (a *app) searchKind(s string) (storage.SearchKind, error) {
	q := strings.ToLower(strings.TrimSpace(s))
	if q == "" {
		return "", nil
	}
	if q == "journal" {
		return storage.SearchNote, nil
	}
	var names []string
	for _, k := range storage.SearchKinds {
		if q == string(k) || s == a.t("word."+string(k)) {
			return k, nil
		}
		names = append(names, string(k))
	}
	return "", fail("cli.err.search_kind", s, strings.Join(names, ", "))
}

// searchKindWord names what a hit is: a journal entry by its own kind
// (call, visit, meeting, note), the others by theirs.
func (a *app) searchKindWord(h storage.SearchHit) string {
	if h.Kind == storage.SearchNote && h.Entry != "" {
		return a.t("kind." + string(h.Entry))
	}
	return a.t("word." + string(h.Kind))
}

// searchSnippet is the hit's snippet, after the field's name when it is
// not the record's main text (a client's phone, a project's owner); a
// project or promise found that way is named first (a client is in its
// column).
func (a *app) searchSnippet(h storage.SearchHit) string {
	s := clean(h.Snippet)
	switch h.Field {
	case "", "name", "title", "text":
		return s
	}
	s = a.t("cli.search.in_field", a.t("cli.field."+h.Field), s)
	if h.Kind != storage.SearchClient && h.Title != "" {
		s = clean(h.Title) + " · " + s
	}
	return s
}

type jsonSearchHit struct {
	Kind      string     `json:"kind"`
	EntryKind *string    `json:"entry_kind"`
	ID        model.ID   `json:"id"`
	ClientID  model.ID   `json:"client_id"`
	Client    *string    `json:"client"`
	Title     *string    `json:"title"`
	Date      model.Date `json:"date"`
	Field     string     `json:"field"`
	Snippet   string     `json:"snippet"`
	Match     string     `json:"match"`
}

func searchHitJSON(h storage.SearchHit) jsonSearchHit {
	out := jsonSearchHit{Kind: string(h.Kind), EntryKind: str(string(h.Entry)), ID: h.ID, ClientID: h.ClientID,
		Client: str(h.Client), Title: str(h.Title), Date: h.Date, Field: h.Field, Snippet: model.Inert(h.Snippet)}
	if h.MatchStart >= 0 && h.MatchEnd <= len(h.Snippet) && h.MatchStart <= h.MatchEnd {
		out.Match = model.Inert(h.Snippet[h.MatchStart:h.MatchEnd])
	}
	return out
}
