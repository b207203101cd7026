package clients

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/model/collation"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/components/client"
	"salesplan/ui/theme"
)

// sortMode is the table's order (s cycles).
type sortMode int

const (
	sortDue  sortMode = iota // due first, most overdue first, then by next follow-up
	sortName                 // by name: pinyin for Chinese, any case for Latin (model/collation)
	sortArea                 // by area (the same collation), then name
)

var sortKeys = [...]string{"clients.sort.due", "clients.sort.name", "clients.sort.area"}

// filterMode narrows the table (f cycles).
type filterMode int

const (
	filterAll filterMode = iota
	filterKey
	filterDue
)

var filterKeys = [...]string{"clients.filter.all", "clients.filter.key", "clients.filter.due"}

// haystack is what / searches in a client: name, company and area, and as
// the "notes" the profile's free text — phone, business, needs, decision
// maker, interests, referred by. Journal text is left out on purpose:
// searching it would mean reading every client's history on each load
// (DESIGN.md §6: a view never scans the history), while the profile is
// already in memory. Lower-cased once per load so a keystroke costs one
// strings.Contains per client.
func haystack(c model.Client) string {
	return strings.ToLower(strings.Join([]string{c.Name, c.Company, c.Area, c.Phone, c.Business,
		c.Needs, c.DecisionMaker, c.Interests, c.ReferredBy}, "\x00"))
}

// namedRows are a load's rows in name order, as `salesplan client list`
// lists them (model/collation: pinyin for Chinese, any case for Latin),
// with each row's area sort key (nil: no area). Every sort of the table is
// stable over this order, so ties stay by name.
type namedRows struct {
	rows    []storage.ClientRow
	areaKey [][]byte
}

// byName orders rows by name and keys their areas: off the UI loop (in
// the load), since collation keys for thousands of clients take a while.
func byName(rows []storage.ClientRow) namedRows {
	collation.Sort(rows, func(r storage.ClientRow) string { return r.Name })
	keys := make([][]byte, len(rows))
	order := collation.New()
	for i, r := range rows {
		if r.Area != "" {
			keys[i] = order.Key(r.Area)
		}
	}
	return namedRows{rows: rows, areaKey: keys}
}

// setRows takes a fresh load, keeping the cursor on the same client.
func (m *Model) setRows(ns namedRows) {
	sel := model.ID(0)
	if r, ok := m.selected(); ok {
		sel = r.ID
	}
	m.rows, m.areaKey, m.shown = ns.rows, ns.areaKey, m.shown[:0] // the old indexes mean nothing now
	m.hay = make([]string, len(ns.rows))
	for i, r := range ns.rows {
		m.hay[i] = haystack(r.Client)
	}
	m.resort()
	m.selectID(sel)
}

// resort orders the rows for the sort mode, then refilters.
func (m *Model) resort() {
	m.order = make([]int, len(m.rows))
	for i := range m.order {
		m.order[i] = i
	}
	rows := m.rows
	switch m.sort {
	case sortDue:
		sort.SliceStable(m.order, func(a, b int) bool {
			x, y := rows[m.order[a]], rows[m.order[b]]
			if x.FollowUp.IsDue != y.FollowUp.IsDue {
				return x.FollowUp.IsDue
			}
			if x.FollowUp.Scheduled != y.FollowUp.Scheduled {
				return !x.FollowUp.Scheduled
			}
			if (x.Tier == model.TierKey) != (y.Tier == model.TierKey) {
				return x.Tier == model.TierKey
			}
			return x.FollowUp.Due < y.FollowUp.Due
		})
	case sortArea:
		sort.SliceStable(m.order, func(a, b int) bool {
			x, y := m.areaKey[m.order[a]], m.areaKey[m.order[b]]
			if x == nil || y == nil {
				return x != nil && y == nil // no area last
			}
			return bytes.Compare(x, y) < 0
		})
	}
	m.refilter()
}

// refilter applies the tier/due filter and the query; it runs on every
// keystroke of /, so it only walks the precomputed order and haystacks.
func (m *Model) refilter() {
	sel := model.ID(0)
	if r, ok := m.selected(); ok {
		sel = r.ID
	}
	q := common.NewQuery(m.query)
	m.shown = m.shown[:0]
	for _, i := range m.order {
		r := &m.rows[i]
		switch {
		case m.filter == filterKey && r.Tier != model.TierKey:
			continue
		case m.filter == filterDue && !r.FollowUp.IsDue:
			continue
		case !q.MatchLower(m.hay[i]):
			continue
		}
		m.shown = append(m.shown, i)
	}
	if !q.Empty() {
		m.rankByName()
	}
	m.list.SetLen(len(m.shown))
	m.selectID(sel)
}

// rankByName puts, among the clients a query found, the one whose name is
// the query first, then those whose name starts with it, then the rest,
// each group in the order the sort gave (a rep who types 王总 wants 王总,
// not 王总's colleague whose notes mention him).
func (m *Model) rankByName() {
	q := strings.ToLower(strings.TrimSpace(m.query))
	rank := func(i int) int {
		name := strings.ToLower(strings.TrimSpace(m.rows[i].Name))
		switch {
		case name == q:
			return 0
		case strings.HasPrefix(name, q):
			return 1
		}
		return 2
	}
	sort.SliceStable(m.shown, func(a, b int) bool { return rank(m.shown[a]) < rank(m.shown[b]) })
}

func (m *Model) selectID(id model.ID) {
	if id == 0 {
		return
	}
	for i, r := range m.shown {
		if m.rows[r].ID == id {
			m.list.Select(i)
			return
		}
	}
}

// selected returns the client under the cursor.
func (m *Model) selected() (storage.ClientRow, bool) {
	if m.list.Cursor < 0 || m.list.Cursor >= len(m.shown) || m.shown[m.list.Cursor] >= len(m.rows) {
		return storage.ClientRow{}, false
	}
	return m.rows[m.shown[m.list.Cursor]], true
}

// tableRows is how many client rows fit: the pane less the title line and
// the column heads.
func (m *Model) tableRows() int { return max(m.height-2, 1) }

// listKey handles a key on the table.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.list.Move(1)
	case key.Matches(msg, km.Up):
		m.list.Move(-1)
	case key.Matches(msg, km.PageDown):
		m.list.Move(max(m.list.Height-1, 1))
	case key.Matches(msg, km.PageUp):
		m.list.Move(-max(m.list.Height-1, 1))
	case key.Matches(msg, km.Home):
		m.list.Top()
	case key.Matches(msg, km.End):
		m.list.Bottom()
	case key.Matches(msg, km.Sort):
		m.sort = (m.sort + 1) % sortMode(len(sortKeys))
		m.resort()
		return common.Status(m.lang.T("clients.status.sorted", m.lang.T(sortKeys[m.sort])))
	case key.Matches(msg, km.ClientFilter):
		m.filter = (m.filter + 1) % filterMode(len(filterKeys))
		m.refilter()
		return common.Status(m.lang.T("clients.status.filtered", m.lang.T(filterKeys[m.filter])))
	case key.Matches(msg, km.Filter):
		m.openFilter()
	case key.Matches(msg, km.Back) && m.query != "":
		m.setQuery("")
	case key.Matches(msg, km.Back):
		return common.Back
	case key.Matches(msg, km.NewClient):
		m.openClientForm(model.Client{}, false)
	case key.Matches(msg, km.Open):
		if r, ok := m.selected(); ok {
			return m.openDetail(r.ID)
		}
	case key.Matches(msg, km.Edit, km.LogCall, km.LogVisit, km.LogMeeting, km.Promise):
		// On the row, as on the card: a rep going down the due list
		// records the call without opening each client.
		if r, ok := m.selected(); ok {
			m.rowAction(msg, r.Client)
		}
	case key.Matches(msg, km.Brief):
		if r, ok := m.selected(); ok {
			m.host.Start()
			return brief.Load(m.env, r.ID)
		}
	}
	return nil
}

// rowAction opens, for client c, what e, c, v, m or p opens — the same
// on a list row and on the card — and reports whether msg was one of them.
func (m *Model) rowAction(msg tea.KeyPressMsg, c model.Client) bool {
	km := m.km
	switch {
	case key.Matches(msg, km.Edit):
		m.openClientForm(c, true)
	case key.Matches(msg, km.LogCall):
		m.openLog(c, model.EntryCall)
	case key.Matches(msg, km.LogVisit):
		m.openLog(c, model.EntryVisit)
	case key.Matches(msg, km.LogMeeting):
		m.openLog(c, model.EntryMeeting)
	case key.Matches(msg, km.Promise):
		m.openPromise(c)
	default:
		return false
	}
	return true
}

func (m *Model) setQuery(q string) {
	q = strings.TrimSpace(q)
	if q == m.query {
		return
	}
	m.query = q
	m.refilter()
	m.list.Top() // the best match: the exact name, when there is one
}

// listClick selects (and on a second click opens) the row under the mouse.
func (m *Model) listClick(mo tea.Mouse) tea.Cmd {
	i, ok := m.list.RowAt(mo.Y - 2)
	if !ok {
		return nil
	}
	if i == m.list.Cursor {
		if r, ok := m.selected(); ok {
			return m.openDetail(r.ID)
		}
	}
	m.list.Select(i)
	return nil
}

// columns of the table, in cells.
type columns struct {
	name, company, area, last, next, prom int
}

// lead is the cells before a row's name: the cursor mark, the key
// client's star, a space.
const lead = 3

// minName is the fewest cells a client's name gets before other columns
// give up theirs.
const minName = 12

// joinCells joins a row's cells with one space, leaving out the columns
// the width has no room for (an empty cell: PadRight of width 0).
func joinCells(cells []string) string {
	out := make([]string, 0, len(cells))
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

func (m *Model) columns() columns {
	w := m.width
	// The heads are words, never cut: "Last contact", "Promises" (a
	// count's column, as wide as its head).
	head := func(k string) int { return ansi.StringWidth(m.lang.T(k)) }
	c := columns{last: max(12, head("clients.col.last")), next: 16, prom: max(4, head("clients.col.promises"))}
	switch {
	case w >= 140: // room for "3 days overdue · booked 15 Dec"
		c.company, c.area, c.last, c.next = 24, 12, 14, 30
	case w >= 110:
		c.company, c.area, c.last = 20, 10, 14
	case w >= 90:
		c.company, c.area = 16, 8
	default:
		// What the wider heads take comes out of the company (free text).
		c.company, c.area, c.next = max(14-(c.prom-4), 8), 6, 15
	}
	// lead + 6 separators; a name needs no more than 24 cells, the
	// company gets what is left beyond that.
	c.name = w - lead - c.company - c.area - c.last - c.next - c.prom - 6
	// Too narrow for every column (60 cells): the name is what a rep
	// reads, so the last contact gives up its column first (the next
	// follow-up says what is urgent), then the company; a column left
	// out is not drawn at all, rather than every column cut.
	if c.name < minName {
		c.name, c.last = c.name+c.last+1, 0
	}
	if c.name < minName {
		c.name, c.company = c.name+c.company+1, 0
	}
	c.name = max(c.name, 6)
	if c.name > 24 {
		c.company += c.name - 24
		c.name = 24
	}
	c.company = min(c.company, 44) // wider only spreads the table out
	return c
}

// listView draws the title line, the column heads and the visible rows.
func (m *Model) listView() string {
	s := m.env.Styles
	l := m.lang
	title := s.Title.Render(l.T("clients.title", len(m.shown), len(m.rows)))
	if due := m.dueCount(); due > 0 {
		title += s.Muted.Render(" · ") + s.Overdue.Render(l.T("clients.due_n", due))
	}
	info := []string{l.T("clients.sorted_by", l.T(sortKeys[m.sort])), l.T("clients.showing", l.T(filterKeys[m.filter]))}
	if m.query != "" {
		info = append(info, l.T("clients.query", model.InertLine(m.query)))
	}
	head := title + s.Muted.Render(" · "+strings.Join(info, " · "))
	if !m.loaded && m.failed != nil {
		return head + "\n" + common.LoadFailed(m.env, m.failed, m.width)
	}
	if !m.loaded {
		return head + "\n" + s.Muted.Render(l.T("clients.loading"))
	}
	c := m.columns()
	heads := strings.Repeat(" ", lead) + joinCells([]string{
		common.PadRight(l.T("clients.col.name"), c.name),
		common.PadRight(l.T("clients.col.company"), c.company),
		common.PadRight(l.T("clients.col.area"), c.area),
		common.PadRight(l.T("clients.col.last"), c.last),
		common.PadRight(l.T("clients.col.next"), c.next),
		common.PadLeft(l.T("clients.col.promises"), c.prom),
	})
	lines := []string{common.PadRight(head, m.width), s.Label.Render(common.PadRight(heads, m.width))}
	if len(m.shown) == 0 {
		msg := l.T("clients.empty")
		if len(m.rows) > 0 {
			msg = l.T("clients.none_match")
		}
		if m.query != "" {
			msg += " " + l.T("clients.try_search")
		}
		// Wrapped, so that the keys it names are read whole (cut at the
		// edge, "f changes what is shown" lost its end at 60 columns).
		for _, line := range common.WrapText(msg, m.width) {
			lines = append(lines, s.Muted.Render(line))
		}
		return strings.Join(lines, "\n")
	}
	from, to := m.list.Visible()
	today := m.env.Today()
	for i := from; i < to; i++ {
		lines = append(lines, m.rowView(m.rows[m.shown[i]], c, i == m.list.Cursor, today))
	}
	return strings.Join(lines, "\n")
}

// dueCount is how many clients are due for follow-up.
func (m *Model) dueCount() int {
	n := 0
	for i := range m.rows {
		if m.rows[i].FollowUp.IsDue {
			n++
		}
	}
	return n
}

// rowView draws one client row; the selected row starts with the lists'
// cursor mark and is drawn plain and then styled whole, so the selection
// bar spans the width.
func (m *Model) rowView(r storage.ClientRow, c columns, sel bool, today model.Date) string {
	s := m.env.Styles
	l := m.lang
	mark := " "
	if sel {
		mark = common.CursorMark
	}
	star := mark + "  "
	if r.Tier == model.TierKey {
		star = mark + theme.KeyStar + " "
	}
	last := l.T("rel.never")
	if r.LastContact.Valid() {
		last = l.DaysAgo(today.Sub(r.LastContact))
	}
	next, nextStyle := client.FollowUpIn(m.env, r.FollowUp, today, c.next)
	prom := ""
	if r.OpenPromises > 0 {
		prom = strconv.Itoa(r.OpenPromises)
	}
	cells := []string{
		common.Cell(r.Name, c.name),
		common.Cell(r.Company, c.company),
		common.Cell(r.Area, c.area),
		common.PadRight(last, c.last),
		common.PadRight(next, c.next),
		common.PadLeft(prom, c.prom),
	}
	if sel {
		return s.Selected.Render(common.PadRight(star+joinCells(cells), m.width))
	}
	if r.Tier == model.TierKey {
		star = mark + s.KeyClient.Render(theme.KeyStar) + " "
	}
	if nextStyle != nil {
		cells[4] = nextStyle(cells[4])
	}
	return star + joinCells(cells)
}
