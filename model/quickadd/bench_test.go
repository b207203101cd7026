package quickadd

import (
	"strings"
	"testing"
)

// BenchmarkParse measures a typical line; the long-input benchmarks guard
// against anything worse than linear in a pasted paragraph.
func BenchmarkParse(b *testing.B) {
	fake := newFake()
	for b.Loop() {
		Parse(`meet @王总 #"Tower B" next mon 3pm every 2w !`, friday, fake)
	}
}

func BenchmarkParseLongChinese(b *testing.B) {
	in := strings.Repeat("明天下午3点打电话给王总", 2000)
	for b.Loop() {
		Parse(in, friday, nil)
	}
}

func BenchmarkParseManyWords(b *testing.B) {
	in := strings.Repeat("call Bob next 3 every ", 4000)
	for b.Loop() {
		Parse(in, friday, nil)
	}
}
