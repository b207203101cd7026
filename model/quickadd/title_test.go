package quickadd

import "testing"

// TestTitleWithoutKindWord: the kind word is taken out of the title; a
// title that would be left empty (or only "with", 给) is the kind and the
// client, in the language of the kind word typed (issue 15).
func TestTitleWithoutKindWord(t *testing.T) {
	fake := newFake()
	for _, tc := range []struct {
		in string
		w  want
	}{
		// English.
		{"call @王总 tomorrow 10:00 !", want{title: "Call 王总", kind: "call", date: "2026-11-28", time: "10:00",
			slot: "morning", client: "王总", clientID: 1, important: true}},
		{"call @王总 about the quote", want{title: "about the quote", kind: "call", client: "王总", clientID: 1}},
		{"Call with @Bob", want{title: "Call Bob", kind: "call", client: "Bob", clientID: 5}},
		{"visit @acme", want{title: "Visit ACME Ltd", kind: "visit", client: "ACME Ltd", clientID: 4}},
		{"meet @王经理 fri", want{title: "Meeting with 王经理", kind: "meeting", client: "王经理", clientID: 2}},
		{"meeting with @Bob and", want{title: "Meeting with Bob", kind: "meeting", client: "Bob", clientID: 5}},
		{"meet #Metro tomorrow", want{title: "Meeting · Metro", kind: "meeting", date: "2026-11-28", project: "Metro", projectID: 12}},
		{"call tomorrow", want{title: "Call", kind: "call", date: "2026-11-28"}},
		{"call back @Bob", want{title: "back", kind: "call", client: "Bob", clientID: 5}},
		{"call mom", want{title: "mom", kind: "call"}},
		{"buy flowers", want{title: "buy flowers"}},
		{`\call @Bob`, want{title: "call", client: "Bob", clientID: 5}}, // an escaped kind word is a title word
		// Chinese.
		{"明天下午3点打电话给@王总", want{title: "给王总打电话", kind: "call", date: "2026-11-28", time: "15:00",
			slot: "afternoon", client: "王总", clientID: 1}},
		{"打电话 @王总 明天", want{title: "给王总打电话", kind: "call", date: "2026-11-28", client: "王总", clientID: 1}},
		{"电话 @王总 问样本", want{title: "问样本", kind: "call", client: "王总", clientID: 1}},
		{"给@王总打电话 明天", want{title: "给王总打电话", kind: "call", date: "2026-11-28", client: "王总", clientID: 1}},
		{"给 @王总 打电话", want{title: "给王总打电话", kind: "call", client: "王总", clientID: 1}},
		{"跟@李经理开会 周五", want{title: "和李经理开会", kind: "meeting", client: "李经理", clientID: 3}},
		{"拜访 @李经理", want{title: "拜访李经理", kind: "visit", client: "李经理", clientID: 3}},
		{"拜访@王总 看现场", want{title: "看现场", kind: "visit", client: "王总", clientID: 1}},
		{"开会 #地铁三号线", want{title: "开会 · 地铁三号线", kind: "meeting", project: "地铁三号线", projectID: 13}},
		{"打电话给王总问报价", want{title: "打电话给王总问报价", kind: "call"}}, // glued to more text: kept whole
		{"明天上午10点打电话给@王总 问报价", want{title: "问报价", kind: "call", date: "2026-11-28", time: "10:00",
			slot: "morning", client: "王总", clientID: 1}},
		{"打电话给 @王总 问报价", want{title: "问报价", kind: "call", client: "王总", clientID: 1}},
		{"拜访 @王总 看现场", want{title: "看现场", kind: "visit", client: "王总", clientID: 1}},
		{"每天打电话", want{title: "打电话", kind: "call", repeat: "daily"}},
		{`@"王总打电话" 明天`, want{title: "", date: "2026-11-28", client: "王总打电话", problems: []string{"unknown_client", "empty_title"}}},
	} {
		t.Run(tc.in, func(t *testing.T) { check(t, tc.in, friday, fake, tc.w) })
	}
}
