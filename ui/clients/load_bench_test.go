package clients

import (
	"fmt"
	"testing"

	"salesplan/model"
	"salesplan/ui/uitest"
)

// BenchmarkListLoad is the Clients pane's load of 5,000 clients with their
// follow-up state (off the UI loop, on every data change).
func BenchmarkListLoad(b *testing.B) {
	st := uitest.OpenStore(b)
	for i := range 5000 {
		if _, err := st.AddClient(model.Client{Name: fmt.Sprintf("客户%04d", i), Area: "朝阳"}, uitest.Today.AddDays(-i%60)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		if msg := loadList(st, 1, uitest.Today)().(listMsg); msg.err != nil || len(msg.rows.rows) != 5000 {
			b.Fatalf("%v, %d rows", msg.err, len(msg.rows.rows))
		}
	}
}
