// Command searchcmp measures bleve (v2, scorch, its CJK analyzer) on the
// records of a salesplan export, for the search decision in storage/doc.go.
// It is its own module so that bleve never enters salesplan's build:
//
//	salesplan --db ten.db demo --scale 1 && salesplan --db ten.db export -o ten.json
//	cd bench/searchcmp && go run . build /tmp/bleve.idx ten.json && go run . query /tmp/bleve.idx
//
// build indexes every client profile, task title, journal text, promise and
// project (name, owner) as one document with its kind and the date search
// orders by, plus the note "王总女儿明年高考，别约周末" dated 2018-03-02;
// query runs the queries of BenchmarkSearchTenYear, each opening the index,
// searching for the newest 20 and closing it, as a command would, and
// prints the best of 20.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
)

type doc struct {
	Kind string  `json:"kind"`
	Text string  `json:"text"`
	Date float64 `json:"date"` // days since 1970; far future for none
}

func main() {
	if len(os.Args) < 3 || (os.Args[1] == "build" && len(os.Args) < 4) {
		fmt.Fprintln(os.Stderr, "usage: searchcmp build INDEX EXPORT.json | searchcmp query INDEX")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "build":
		err = build(os.Args[2], os.Args[3])
	case "query":
		err = queries(os.Args[2])
	default:
		err = fmt.Errorf("unknown step %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchcmp:", err)
		os.Exit(1)
	}
}

func day(s string) float64 {
	if len(s) < 10 {
		return 1e9
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 1e9
	}
	return float64(t.Unix() / 86400)
}

func build(path, export string) error {
	var d struct {
		Clients  []map[string]any `json:"clients"`
		Tasks    []map[string]any `json:"tasks"`
		Journal  []map[string]any `json:"journal"`
		Promises []map[string]any `json:"promises"`
		Projects []map[string]any `json:"projects"`
	}
	raw, err := os.ReadFile(export)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return err
	}
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store = false
	text.IncludeTermVectors = false
	dm.AddFieldMappingsAt("text", text)
	kind := bleve.NewTextFieldMapping()
	kind.Analyzer = keyword.Name
	dm.AddFieldMappingsAt("kind", kind)
	dm.AddFieldMappingsAt("date", bleve.NewNumericFieldMapping())
	m.DefaultMapping = dm
	start := time.Now()
	idx, err := bleve.New(path, m)
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	n := 0
	add := func(id string, dd doc) error {
		if err := b.Index(id, dd); err != nil {
			return err
		}
		n++
		if b.Size() >= 5000 {
			if err := idx.Batch(b); err != nil {
				return err
			}
			b = idx.NewBatch()
		}
		return nil
	}
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	var docs []func() error
	for _, c := range d.Clients {
		var parts []string
		for _, k := range []string{"name", "company", "area", "phone", "business", "needs", "decision_maker", "interests", "referred_by"} {
			parts = append(parts, str(c, k))
		}
		docs = append(docs, func() error {
			return add(fmt.Sprintf("c%v", c["id"]), doc{"client", strings.Join(parts, "\n"), day(str(c, "created_on"))})
		})
	}
	for _, t := range d.Tasks {
		docs = append(docs, func() error {
			return add(fmt.Sprintf("t%v", t["id"]), doc{"task", str(t, "title"), day(str(t, "date"))})
		})
	}
	for _, e := range d.Journal {
		docs = append(docs, func() error { return add(fmt.Sprintf("n%v", e["id"]), doc{"note", str(e, "text"), day(str(e, "at"))}) })
	}
	docs = append(docs, func() error {
		return add("n999999", doc{"note", "王总女儿明年高考，别约周末", day("2018-03-02")})
	})
	for _, p := range d.Promises {
		docs = append(docs, func() error {
			return add(fmt.Sprintf("p%v", p["id"]), doc{"promise", str(p, "text"), day(str(p, "made_on"))})
		})
	}
	for _, p := range d.Projects {
		on := ""
		if h, _ := p["stage_history"].([]any); len(h) > 0 {
			if last, _ := h[len(h)-1].(map[string]any); last != nil {
				on = str(last, "on")
			}
		}
		docs = append(docs, func() error {
			return add(fmt.Sprintf("r%v", p["id"]), doc{"project", str(p, "name") + "\n" + str(p, "owner"), day(on)})
		})
	}
	for _, f := range docs {
		if err := f(); err != nil {
			return err
		}
	}
	if err := idx.Batch(b); err != nil {
		return err
	}
	if err := idx.Close(); err != nil {
		return err
	}
	fmt.Printf("indexed %d documents in %v, %.1f MiB\n", n, time.Since(start).Round(time.Millisecond), float64(dirSize(path))/(1<<20))
	return nil
}

func dirSize(p string) int64 {
	var n int64
	_ = filepath.Walk(p, func(_ string, fi os.FileInfo, _ error) error {
		if fi != nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

func queries(path string) error {
	for _, q := range []struct{ name, text, kind string }{
		{"rare_cjk", "高考", ""}, {"cjk_phrase", "明年高考", ""}, {"common_cjk", "报价", ""}, {"one_char", "王", ""},
		{"latin_prefix", "quot", ""}, {"one_letter", "q", ""}, {"two_terms", "确认 报价", ""},
		{"kind_filter_none", "报价", "project"}, {"kind_client", "朝阳", "client"}, {"no_match", "zzzz", ""},
	} {
		best := time.Hour
		var total uint64
		for range 20 {
			start := time.Now()
			idx, err := bleve.Open(path)
			if err != nil {
				return err
			}
			var qq query.Query
			if q.name == "latin_prefix" || q.name == "one_letter" {
				pq := bleve.NewPrefixQuery(q.text)
				pq.SetField("text")
				qq = pq
			} else {
				mq := bleve.NewMatchQuery(q.text)
				mq.SetField("text")
				mq.Analyzer = cjk.AnalyzerName
				mq.SetOperator(query.MatchQueryOperatorAnd)
				qq = mq
			}
			if q.kind != "" {
				kq := bleve.NewTermQuery(q.kind)
				kq.SetField("kind")
				qq = bleve.NewConjunctionQuery(qq, kq)
			}
			req := bleve.NewSearchRequestOptions(qq, 20, 0, false)
			req.SortBy([]string{"-date", "_id"})
			res, err := idx.Search(req)
			if err != nil {
				return err
			}
			if err := idx.Close(); err != nil {
				return err
			}
			best = min(best, time.Since(start))
			total = res.Total
		}
		fmt.Printf("%-17s %-8s best of 20: %8.2f ms, %d matches\n", q.name, q.text, float64(best.Microseconds())/1000, total)
	}
	return nil
}
