package storage

// CSV export of each record kind and import of clients (issue 7).
//
// Export is for spreadsheets (Excel, WPS, LibreOffice): UTF-8 with a BOM so
// that Excel reads Chinese correctly, a header row of the exchange field
// names, references shown by name next to their id, text sanitized by
// model.Inert, and a cell that a spreadsheet would run as a formula (it
// begins with = + - @, tab or CR) prefixed with ' (DESIGN.md §6).
//
// Import of clients matches columns by header name, English or Chinese, any
// case; every column of the export is read but id (a new client gets a new
// id), and the columns ignored are named in the report; a name column is
// required. A row whose
// name is already in the database (or earlier in the file) is reported and
// skipped; a bad row names its line and column (by the file's own header)
// and nothing is written. The
// rows are written in one transaction.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// CSVKinds lists the kinds ExportCSV accepts.
var CSVKinds = []string{"clients", "tasks", "journal", "promises", "projects"}

const utf8BOM = "\ufeff"

// csvCell makes text safe for a spreadsheet cell: sanitized, and a leading
// formula character neutralised with an apostrophe. Text that already
// starts with apostrophes before a formula character gets one more, so
// that uncsvCell gives it back as it was (a name typed as '=x is written
// with two apostrophes and read back with one).
func csvCell(s string) string {
	s = model.Inert(s)
	if formulaAfterQuotes(s) {
		return "'" + s
	}
	return s
}

// uncsvCell takes off the apostrophe that csvCell (or a careful user) put
// before a formula character, or before apostrophes that precede one. One
// before anything else is the user's own.
func uncsvCell(s string) string {
	if strings.HasPrefix(s, "'") && formulaAfterQuotes(s) {
		return s[1:]
	}
	return s
}

// formulaAfterQuotes reports whether s, after any leading apostrophes, starts with
// a character a spreadsheet reads as the start of a formula.
func formulaAfterQuotes(s string) bool {
	s = strings.TrimLeft(s, "'")
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func idCell(id model.ID) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(id), 10)
}

func moneyCell(m model.Money) string { return strconv.FormatFloat(m.Main(), 'f', -1, 64) }

// ExportCSV writes one kind of record (clients, tasks, journal, promises or
// projects) as CSV, from one read transaction.
func (s *Store) ExportCSV(w io.Writer, kind string) error {
	doc, err := s.Document()
	if err != nil {
		return err
	}
	return writeCSV(w, doc, kind)
}

func writeCSV(w io.Writer, doc *Document, kind string) error {
	clientName := make(map[model.ID]string, len(doc.Clients))
	for _, c := range doc.Clients {
		clientName[c.ID] = c.Name
	}
	projectName := make(map[model.ID]string, len(doc.Projects))
	for _, p := range doc.Projects {
		projectName[p.ID] = p.Name
	}
	var header []string
	var rows [][]string
	switch kind {
	case "clients":
		header = []string{"id", "name", "company", "tier", "area", "phone", "business", "needs",
			"decision_maker", "interests", "referred_by", "cadence_days", "created_on", "archived"}
		for _, c := range doc.Clients {
			rows = append(rows, []string{idCell(c.ID), c.Name, c.Company, string(c.Tier), c.Area, c.Phone, c.Business,
				c.Needs, c.DecisionMaker, c.Interests, c.ReferredBy, strconv.Itoa(c.CadenceDays),
				c.CreatedOn.String(), boolCell(c.Archived)})
		}
	case "tasks":
		header = []string{"id", "date", "time", "slot", "kind", "title", "client_id", "client", "project_id",
			"project", "important", "done", "done_on", "repeat"}
		for _, t := range doc.Tasks {
			rows = append(rows, []string{idCell(t.ID), t.Date.String(), t.Time.String(), string(t.EffectiveSlot()),
				string(t.Kind), t.Title, idCell(t.ClientID), clientName[t.ClientID], idCell(t.ProjectID),
				projectName[t.ProjectID], boolCell(t.Important), boolCell(t.Done), t.DoneOn.String(), string(t.Repeat)})
		}
	case "journal":
		// A prospect call (no client) has empty client cells; task_id is
		// the completed task that recorded the entry.
		header = []string{"id", "at", "kind", "client_id", "client", "project_id", "project", "text", "task_id"}
		for _, e := range doc.Journal {
			rows = append(rows, []string{idCell(e.ID), e.At.Format("2006-01-02T15:04:05Z07:00"), string(e.Kind),
				idCell(e.ClientID), clientName[e.ClientID], idCell(e.ProjectID), projectName[e.ProjectID], e.Text, idCell(e.TaskID)})
		}
	case "promises":
		header = []string{"id", "client_id", "client", "project_id", "project", "text", "made_on", "due",
			"status", "kept_on", "cancelled_on", "cancel_reason"}
		for _, p := range doc.Promises {
			rows = append(rows, []string{idCell(p.ID), idCell(p.ClientID), clientName[p.ClientID], idCell(p.ProjectID),
				projectName[p.ProjectID], p.Text, p.MadeOn.String(), p.Due.String(), string(p.Status), p.KeptOn.String(),
				p.CancelledOn.String(), p.CancelReason})
		}
	case "projects":
		header = []string{"id", "name", "client_id", "client", "owner", "value", "stage", "stage_since",
			"bid_date", "stage_history", "signed_on"}
		for _, p := range doc.Projects {
			hist := make([]string, len(p.StageHistory))
			for i, h := range p.StageHistory {
				hist[i] = string(h.Stage) + " " + h.On.String()
			}
			rows = append(rows, []string{idCell(p.ID), p.Name, idCell(p.ClientID), clientName[p.ClientID], p.Owner,
				moneyCell(p.Value), string(p.Stage), p.StageSince().String(), p.BidDate.String(), strings.Join(hist, "; "), p.SignedOn.String()})
		}
	default:
		return model.Errf("csv_kind", "%q is not something to export as CSV (one of %s)", kind, strings.Join(CSVKinds, ", "))
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(utf8BOM)
	cw := csv.NewWriter(bw)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("export %s as CSV: %w", kind, err)
	}
	for _, row := range rows {
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export %s as CSV: %w", kind, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export %s as CSV: %w", kind, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s as CSV: %w", kind, err)
	}
	return nil
}

// ---- import of clients

// CSVRow is one row of an imported file, by its line number (the header is
// line 1; a cell with newlines spans lines, and the row is named by its
// first).
type CSVRow struct {
	Line int
	Name string
	// SameAs is, for a skipped row, the line of the earlier row of the
	// file with that name; 0 when the name is already in the database.
	SameAs int
}

// CSVReport tells what ImportClientsCSV did, or would do on a dry run.
type CSVReport struct {
	DryRun  bool
	Added   []CSVRow // added (or to be added)
	Skipped []CSVRow // a client of that name exists already (or came earlier in the file)
	// Ignored are the headers of the columns not read (as written, in
	// file order): id, and any column salesplan does not know.
	Ignored []string
}

// clientColumns maps a header (lower case, trimmed) to a client field.
var clientColumns = map[string]string{
	"name": "name", "姓名": "name", "客户": "name", "客户名称": "name", "名称": "name",
	"company": "company", "公司": "company",
	"tier": "tier", "级别": "tier", "客户级别": "tier",
	"area": "area", "区域": "area", "地区": "area",
	"phone": "phone", "电话": "phone", "手机": "phone",
	"business": "business", "主营业务": "business", "业务": "business",
	"needs": "needs", "需求": "needs", "潜在需求": "needs",
	"decision_maker": "decision_maker", "decision maker": "decision_maker", "决策人": "decision_maker",
	"interests": "interests", "兴趣": "interests", "爱好": "interests", "话题": "interests",
	"referred_by": "referred_by", "referred by": "referred_by", "介绍人": "referred_by", "推荐人": "referred_by",
	"cadence_days": "cadence_days", "cadence": "cadence_days", "跟进周期": "cadence_days", "周期": "cadence_days",
	"created_on": "created_on", "created on": "created_on", "创建日期": "created_on", "建档日期": "created_on",
	"archived": "archived", "已归档": "archived", "归档": "archived",
}

// parseArchived reads an archived cell: true/yes/1/是 or false/no/0/否,
// empty = not archived.
func parseArchived(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "false", "no", "0", "否", "n":
		return false, true
	case "true", "yes", "1", "是", "y":
		return true, true
	}
	return false, false
}

// csvRowError is the refusal of a CSV file for what is wrong on one line.
// The field at fault is named as the file's header names its column
// (跟进周期, "Cadence"), which is what the person sees in the spreadsheet;
// heads maps a client field to that header (nil: p names the column
// already, or none).
func csvRowError(line int, p *model.Problem, heads map[string]string) *ValidationError {
	if h, ok := heads[p.Field]; ok && p.Field != "" {
		q := *p
		q.Field = h
		p = &q
	}
	e := invalid(fmt.Sprintf("line %d", line), p)
	e.Line = line
	return e
}

// parseTier reads a tier cell: key/大客户/重点 or regular/一般客户/普通, empty = regular.
func parseTier(s string) (model.Tier, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "regular", "一般", "一般客户", "普通", "普通客户", "r":
		return model.TierRegular, true
	case "key", "大客户", "重点", "重点客户", "vip", "k":
		return model.TierKey, true
	}
	return "", false
}

// ImportClientsCSV reads clients from CSV and adds those whose names are new,
// in one transaction; with dryRun it only reports what it would add. A bad
// row refuses the whole file with a *ValidationError naming its line. New
// clients are created on the real today; see ImportClientsCSVOn.
func (s *Store) ImportClientsCSV(r io.Reader, dryRun bool) (CSVReport, error) {
	return s.ImportClientsCSVOn(r, dryRun, model.DateOf(time.Now()))
}

// ImportClientsCSVOn is ImportClientsCSV with the created date given (for
// --today).
func (s *Store) ImportClientsCSVOn(r io.Reader, dryRun bool, today model.Date) (CSVReport, error) {
	rep := CSVReport{DryRun: dryRun}
	if !today.Valid() {
		today = model.DateOf(time.Now())
	}
	clients, lines, heads, ignored, err := parseClientsCSV(r, today)
	if err != nil {
		return rep, err
	}
	rep.Ignored = ignored
	// put adds a client: through the undo recorder when writing, so the
	// whole file is one undo step ("Undone: importing clients").
	var put func(c *model.Client) error
	write := func(tx *bolt.Tx) error {
		seen := map[string]int{} // name key → line
		for i := range clients {
			c := clients[i]
			key := string(nameKey(c.Name))
			if line, dup := seen[key]; dup {
				rep.Skipped = append(rep.Skipped, CSVRow{Line: lines[i], Name: c.Name, SameAs: line})
				continue
			}
			if nameTaken(ix(tx, ixClientName), c.Name, 0) {
				rep.Skipped = append(rep.Skipped, CSVRow{Line: lines[i], Name: c.Name})
				continue
			}
			seen[key] = lines[i]
			if !dryRun {
				if err := put(&c); err != nil {
					if p := model.ProblemOf(err); p != nil {
						return csvRowError(lines[i], p, heads)
					}
					return fmt.Errorf("line %d: %w", lines[i], err)
				}
			}
			rep.Added = append(rep.Added, CSVRow{Line: lines[i], Name: c.Name})
		}
		return nil
	}
	if dryRun {
		err = s.view(write)
	} else {
		err = s.act(ActImportClients, func(r *recorder) error {
			put = r.putClient
			return write(r.tx)
		})
	}
	if err != nil {
		return CSVReport{DryRun: dryRun, Ignored: ignored}, fmt.Errorf("import clients: %w", err)
	}
	return rep, nil
}

// parseClientsCSV reads and checks every row; it returns the clients, the
// line each came from, the header of each client field's column as the
// file writes it, and the headers of the columns it ignored.
func parseClientsCSV(r io.Reader, today model.Date) (_ []model.Client, _ []int, heads map[string]string, ignored []string, _ error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte(utf8BOM)) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // short rows are padded below; spreadsheets drop trailing empties
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, nil, nil, csvRowError(1, model.Errf("csv_empty", "the file is empty (want a header row with a name column)"), nil)
	}
	if err != nil {
		return nil, nil, nil, nil, csvParseError(err)
	}
	cols := map[string]int{}
	heads = map[string]string{} // client field → its column's header, as written
	for i, h := range header {
		h = strings.TrimSpace(uncsvCell(h))
		f, ok := clientColumns[strings.ToLower(h)]
		if !ok {
			if h != "" {
				ignored = append(ignored, h)
			}
			continue
		}
		if _, dup := cols[f]; dup {
			return nil, nil, nil, nil, csvRowError(1, model.Errf("csv_second_column", "a second column for %s", heads[f]).In(h), nil)
		}
		cols[f], heads[f] = i, h
	}
	if _, ok := cols["name"]; !ok {
		return nil, nil, nil, nil, csvRowError(1, model.Errf("csv_no_name_column", "no name column (name, 姓名 or 客户) in the header"), nil)
	}
	var out []model.Client
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, nil, nil, csvParseError(err)
		}
		line, _ := cr.FieldPos(0)
		cell := func(f string) string {
			i, ok := cols[f]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(uncsvCell(rec[i]))
		}
		blank := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		c := model.Client{
			Name: cell("name"), Company: cell("company"), Area: cell("area"), Phone: cell("phone"),
			Business: cell("business"), Needs: cell("needs"), DecisionMaker: cell("decision_maker"),
			Interests: cell("interests"), ReferredBy: cell("referred_by"), CreatedOn: today,
		}
		for _, f := range []struct{ name, val string }{{"name", c.Name}, {"company", c.Company}, {"area", c.Area},
			{"phone", c.Phone}, {"business", c.Business}, {"needs", c.Needs}, {"decision_maker", c.DecisionMaker},
			{"interests", c.Interests}, {"referred_by", c.ReferredBy}} {
			if !utf8.ValidString(f.val) {
				return nil, nil, nil, nil, csvRowError(line, model.Errf("csv_not_utf8", "not valid UTF-8 (save the file as CSV UTF-8)").In(f.name), heads)
			}
		}
		tier, ok := parseTier(cell("tier"))
		if !ok {
			return nil, nil, nil, nil, csvRowError(line, model.Errf("bad_tier", "tier %q is not key or regular", cell("tier")).In("tier"), heads)
		}
		c.Tier = tier
		if v := cell("created_on"); v != "" {
			d, err := model.ParseDate(v)
			if err != nil {
				return nil, nil, nil, nil, csvRowError(line, model.Errf("csv_bad_date", "%q is not a date (want YYYY-MM-DD)", v).In("created_on"), heads)
			}
			c.CreatedOn = d
		}
		archived, ok := parseArchived(cell("archived"))
		if !ok {
			return nil, nil, nil, nil, csvRowError(line, model.Errf("csv_bad_archived", "%q is not true or false", cell("archived")).In("archived"), heads)
		}
		c.Archived = archived
		if v := cell("cadence_days"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 3650 {
				return nil, nil, nil, nil, csvRowError(line, model.Errf("csv_bad_cadence", "%q is not a number of days (0–3650)", v).In("cadence_days"), heads)
			}
			c.CadenceDays = n
		}
		if err := firstOf(validateClient(&c), c.CheckHappened(today)); err != nil {
			return nil, nil, nil, nil, csvRowError(line, model.ProblemOf(err), heads)
		}
		out = append(out, c)
		lines = append(lines, line)
	}
	return out, lines, heads, ignored, nil
}

func csvParseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		// The csv package's reasons, as codes the catalog words.
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			return csvRowError(pe.StartLine, model.Errf("csv_err_quote", `not CSV: a quoted cell has a stray or missing " (a " inside a quoted cell is written "")`), nil)
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return csvRowError(pe.StartLine, model.Errf("csv_err_bare_quote", `not CSV: a " in a cell that is not quoted (quote the cell and write the " as "")`), nil)
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return csvRowError(pe.StartLine, model.Errf("csv_err_field_count", "not CSV: the row has a different number of cells from the header"), nil)
		}
		return csvRowError(pe.StartLine, model.Errf("csv_bad_row", "not CSV: %s", pe.Err.Error()), nil)
	}
	return fmt.Errorf("read CSV: %w", err)
}
