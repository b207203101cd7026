// Command tw turns a salesplan exchange document (salesplan export --format
// json) into a Taskwarrior import file, so that both tools can be timed on
// the same tasks (bench/run.sh).
//
// Usage: go run ./bench/tw < export.json > taskwarrior.json
//
// Mapping: title → description; done → status completed with end = done
// date; date (+ time) → due; important → priority H; kind → a tag; the
// client's and project's names → project "client.project" (dots and spaces
// replaced); the first date seen → entry. Repeat rules become a tag:
// Taskwarrior's recurrence needs template tasks that salesplan has no
// equivalent for, and it would make Taskwarrior generate instances while
// being timed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

type exported struct {
	Clients []struct {
		ID   uint64 `json:"id"`
		Name string `json:"name"`
	} `json:"clients"`
	Projects []struct {
		ID   uint64 `json:"id"`
		Name string `json:"name"`
	} `json:"projects"`
	Tasks []struct {
		ID        uint64  `json:"id"`
		Title     string  `json:"title"`
		Date      *string `json:"date"`
		Time      *string `json:"time"`
		Kind      string  `json:"kind"`
		ClientID  *uint64 `json:"client_id"`
		ProjectID *uint64 `json:"project_id"`
		Important bool    `json:"important"`
		Done      bool    `json:"done"`
		DoneOn    *string `json:"done_on"`
		Repeat    string  `json:"repeat"`
	} `json:"tasks"`
}

// twTask is one task in Taskwarrior's JSON import format.
type twTask struct {
	UUID        string   `json:"uuid"`
	Description string   `json:"description"`
	Status      string   `json:"status"`
	Entry       string   `json:"entry"`
	Due         string   `json:"due,omitempty"`
	End         string   `json:"end,omitempty"`
	Project     string   `json:"project,omitempty"`
	Priority    string   `json:"priority,omitempty"`
	Tags        []string `json:"tags,omitempty"`
}

// twTime renders a local date and "HH:MM" in Taskwarrior's UTC format.
func twTime(date, clock string) (string, error) {
	layout, value := "2006-01-02", date
	if clock != "" {
		layout, value = "2006-01-02 15:04", date+" "+clock
	}
	t, err := time.ParseInLocation(layout, value, time.Local)
	if err != nil {
		return "", fmt.Errorf("bad date %q %q: %w", date, clock, err)
	}
	return t.UTC().Format("20060102T150405Z"), nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// projectName makes a Taskwarrior project name: dots nest projects there.
func projectName(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, strings.NewReplacer(".", "_", " ", "_").Replace(p))
		}
	}
	return strings.Join(out, ".")
}

func convert(r io.Reader, w io.Writer) (int, error) {
	var doc exported
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return 0, fmt.Errorf("read the salesplan export: %w", err)
	}
	clients := map[uint64]string{}
	for _, c := range doc.Clients {
		clients[c.ID] = c.Name
	}
	projects := map[uint64]string{}
	for _, p := range doc.Projects {
		projects[p.ID] = p.Name
	}
	// Undated (inbox) tasks get the earliest date as their entry.
	first := ""
	for _, t := range doc.Tasks {
		if d := str(t.Date); d != "" && (first == "" || d < first) {
			first = d
		}
	}
	if first == "" {
		first = time.Now().Format("2006-01-02")
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if _, err := bw.WriteString("[\n"); err != nil {
		return 0, err
	}
	for i, t := range doc.Tasks {
		out := twTask{
			UUID:        fmt.Sprintf("5a1e5a1a-0000-4000-8000-%012x", t.ID),
			Description: t.Title,
			Status:      "pending",
			Tags:        []string{t.Kind},
		}
		entry := first
		if d := str(t.Date); d != "" {
			entry = d
			due, err := twTime(d, str(t.Time))
			if err != nil {
				return i, fmt.Errorf("task %d: %w", t.ID, err)
			}
			out.Due = due
		}
		var err error
		if out.Entry, err = twTime(entry, ""); err != nil {
			return i, fmt.Errorf("task %d: %w", t.ID, err)
		}
		if t.Done {
			out.Status = "completed"
			end := str(t.DoneOn)
			if end == "" {
				end = entry
			}
			if out.End, err = twTime(end, "23:00"); err != nil {
				return i, fmt.Errorf("task %d: %w", t.ID, err)
			}
		}
		var client, project string
		if t.ClientID != nil {
			client = clients[*t.ClientID]
		}
		if t.ProjectID != nil {
			project = projects[*t.ProjectID]
		}
		out.Project = projectName(client, project)
		if t.Important {
			out.Priority = "H"
		}
		if t.Repeat != "" {
			out.Tags = append(out.Tags, "repeat")
		}
		if i > 0 {
			if _, err := bw.WriteString(","); err != nil {
				return i, err
			}
		}
		if err := enc.Encode(out); err != nil {
			return i, fmt.Errorf("task %d: %w", t.ID, err)
		}
	}
	if _, err := bw.WriteString("]\n"); err != nil {
		return len(doc.Tasks), err
	}
	return len(doc.Tasks), bw.Flush()
}

func main() {
	n, err := convert(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tw:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "tw: %d tasks\n", n)
}
