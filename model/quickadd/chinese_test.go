package quickadd

import "testing"

func TestZhNum(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"三", 3, true}, {"两", 2, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true},
		{"二十三", 23, true}, {"零五", 5, true}, {"〇", 0, true}, {"15", 15, true},
		{"", 0, false}, {"零零五", 0, false}, {"十十", 0, false}, {"零十", 0, false}, {"三四", 0, false}, {"百", 0, false},
	}
	for _, tt := range tests {
		got, ok := zhNum(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("zhNum(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseChineseTimes(t *testing.T) {
	tests := []struct {
		in string
		w  want
	}{
		{"下午3点一刻 见面", want{title: "见面", time: "15:15", slot: "afternoon"}},
		{"下午3点三刻 见面", want{title: "见面", time: "15:45", slot: "afternoon"}},
		{"上午九点零五 见面", want{title: "见面", time: "09:05", slot: "morning"}},
		{"下午两点 见面", want{title: "见面", time: "14:00", slot: "afternoon"}},
		{"中午1点 午餐", want{title: "午餐", time: "13:00", slot: "afternoon"}},
		{"凌晨5点 出发", want{title: "出发", time: "05:00", slot: "morning"}},
		{"晚上12点 上线", want{title: "上线", time: "00:00", slot: "morning"}},
		{"明晚8点 饭局", want{title: "饭局", date: "2026-11-28", time: "20:00", slot: "evening"}},
		{"下午3:30 见面", want{title: "见面", time: "15:30", slot: "afternoon"}},
		{"10点钟 见面", want{title: "见面", time: "10:00", slot: "morning"}},
		{"两点 见面", want{title: "两点 见面"}},
		{"下午3点99分 见面", want{title: "见面", problems: []string{"bad_time"}}},
		{"中午8点 见面", want{title: "见面", problems: []string{"bad_time"}}},
		{"每隔 见面", want{title: "每隔 见面"}},
		{"每0天 见面", want{title: "见面", problems: []string{"bad_repeat"}}},
		{"每周日 复盘", want{title: "复盘", date: "2026-11-29", repeat: "weekly"}},
		{"星期天 复盘", want{title: "复盘", date: "2026-11-29"}},
		{"周7 复盘", want{title: "复盘", date: "2026-11-29"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { check(t, tt.in, friday, nil, tt.w) })
	}
}
