package collation

import (
	"slices"
	"testing"
)

// Names sort as a Chinese address book sorts them: Han by pinyin, Latin
// case-insensitively, numbers as numbers.
func TestSort(t *testing.T) {
	for _, tt := range []struct {
		name     string
		in, want []string
	}{
		{"pinyin, not code points", []string{"孙总", "张工", "新客户", "李经理", "王总", "赵总"},
			[]string{"李经理", "孙总", "王总", "新客户", "张工", "赵总"}},
		{"Latin by letter, any case", []string{"bob", "Lisa Wang", "ACME Ltd", "acme beta", "Zed"},
			[]string{"acme beta", "ACME Ltd", "bob", "Lisa Wang", "Zed"}},
		{"Latin and Han together", []string{"王总", "Lisa Wang", "李经理", "ACME Ltd", "阿里"},
			[]string{"ACME Ltd", "Lisa Wang", "阿里", "李经理", "王总"}},
		{"numbers as numbers", []string{"10号楼", "2号楼", "客户10", "客户9"},
			[]string{"2号楼", "10号楼", "客户9", "客户10"}},
		{"the same but for case: a fixed order", []string{"acme", "ACME", "Acme"},
			[]string{"ACME", "Acme", "acme"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.in)
			Sort(got, func(s string) string { return s })
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sort(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if Compare(got[i-1], got[i]) >= 0 {
					t.Errorf("Compare(%q, %q) >= 0", got[i-1], got[i])
				}
			}
		})
	}
}

func BenchmarkSort(b *testing.B) {
	base := []string{"孙总", "张工", "新客户", "李经理", "王总", "赵总", "ACME Ltd", "Lisa Wang", "北京华建机电工程有限公司"}
	names := make([]string, 0, 10000)
	for i := 0; len(names) < 10000; i++ {
		names = append(names, base[i%len(base)]+string(rune('A'+i%26)))
	}
	for b.Loop() {
		s := slices.Clone(names)
		Sort(s, func(s string) string { return s })
	}
}
