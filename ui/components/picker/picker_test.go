package picker

import (
	"fmt"
	"testing"

	"salesplan/model"
	"salesplan/storage"
)

func TestPicker(t *testing.T) {
	names := []storage.ClientName{{ID: 1, Name: "王总", Area: "朝阳"}, {ID: 2, Name: "ACME Ltd", Company: "ACME"},
		{ID: 3, Name: "王经理", Area: "海淀"}, {ID: 4, Name: "李经理", Company: "朝阳物业"}}
	tests := []struct {
		q    string
		want []model.ID
	}{
		{"", []model.ID{1, 2, 3, 4}},
		{"王", []model.ID{1, 3}},
		{"acm", []model.ID{2}},
		{"朝阳", []model.ID{1, 4}},
		{"经理", []model.ID{3, 4}},
	}
	for _, tc := range tests {
		var got []model.ID
		for _, i := range matchNames(names, tc.q) {
			got = append(got, names[i].ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) && !(len(got) == len(tc.want) && sameSet(got, tc.want)) {
			t.Errorf("%q matched %v, want %v", tc.q, got, tc.want)
		}
	}
}

func sameSet(a, b []model.ID) bool {
	m := map[model.ID]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}
