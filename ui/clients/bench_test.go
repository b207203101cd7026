package clients

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// manyClients builds n client rows with Chinese and Latin names, areas and
// profile text, as the list load would hand them over.
func manyClients(n int) []storage.ClientRow {
	areas := []string{"朝阳", "海淀", "丰台", "东城", "西城", "通州", "亦庄", "顺义"}
	surnames := []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"}
	rows := make([]storage.ClientRow, n)
	for i := range rows {
		c := model.Client{ID: model.ID(i + 1), Name: fmt.Sprintf("%s总%04d", surnames[i%len(surnames)], i),
			Company: fmt.Sprintf("Company %d 机电工程有限公司", i), Area: areas[i%len(areas)],
			Business: "机电总包 HVAC contractor", Needs: "冷冻水泵、控制柜 pumps and panels",
			DecisionMaker: "总经理", Interests: []string{"钓鱼", "golf", "普洱茶", "running"}[i%4], Tier: model.TierRegular}
		if i%5 == 0 {
			c.Tier = model.TierKey
		}
		rows[i] = storage.ClientRow{Client: c, LastContact: uitest.Today.AddDays(-(i % 40)),
			FollowUp: model.FollowUp{Due: uitest.Today.AddDays(30 - i%40), IsDue: i%40 >= 30, DaysOverdue: max(i%40-30, 0)}}
	}
	return rows
}

// BenchmarkClientFilter is one keystroke of / over 5,000 clients: the
// filter input takes the key, the table refilters, and the pane redraws.
func BenchmarkClientFilter(b *testing.B) {
	m := newModel(uitest.EnvAt(nil, i18n.ZH, uitest.Morning))
	m.SetSize(120, 40)
	m.loaded = true
	m.setRows(byName(manyClients(5000)))
	m.openFilter()
	queries := []string{"朝", "朝阳", "朝阳 钓", "朝阳 钓鱼", "朝阳 钓", "朝阳", "朝", ""}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		m.setQuery(queries[i%len(queries)])
		_ = m.View()
	}
}

// BenchmarkClientFilterKey is the same through Update with a real key
// press (the dialog's text input included).
func BenchmarkClientFilterKey(b *testing.B) {
	m := newModel(uitest.EnvAt(nil, i18n.EN, uitest.Morning))
	m.SetSize(120, 40)
	m.loaded = true
	m.setRows(byName(manyClients(5000)))
	m.openFilter()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		k := tea.KeyPressMsg{Code: 'a', Text: "a"}
		if i%4 == 3 {
			k = tea.KeyPressMsg{Code: tea.KeyBackspace}
		}
		m.Update(k)
		_ = m.View()
	}
}
