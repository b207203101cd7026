package model

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		bad  bool
		code string // the Problem's code when bad; "" = bad_amount
	}{
		{in: "500000", want: 50000000},
		{in: "1,200,000.50", want: 120000050},
		{in: "50万", want: 50000000},
		{in: "1.2亿", want: 12000000000},
		{in: "300k", want: 30000000},
		{in: "1.2M", want: 120000000},
		{in: " ¥8800 ", want: 880000},
		{in: "abc", bad: true},
		{in: "-5", bad: true},
		{in: "NaN", bad: true},
		{in: "1e20", bad: true, code: "amount_too_large"},
		{in: "1e400", bad: true, code: "amount_too_large"}, // beyond float64: still a number, too large
		{in: "Inf", bad: true},
		{in: "10000000000000", want: MaxMoney},
		{in: "9999999999999.99", want: MaxMoney - 1},
		{in: "10000000000000.01", bad: true, code: "amount_too_large"},
		{in: "100000亿", want: MaxMoney},
		{in: "100001亿", bad: true, code: "amount_too_large"},
		{in: "", bad: true},
		// Finer than a cent: refused, never rounded (0.001 was stored as 0).
		{in: "0.001", bad: true, code: "amount_too_precise"},
		{in: "9999999999999.999", bad: true, code: "amount_too_precise"},
		{in: "1e-3", bad: true, code: "amount_too_precise"},
		{in: "1.2345678万", bad: true, code: "amount_too_precise"},
		{in: "1.234567万", want: 1234567},
		{in: "0.01", want: 1},
		{in: "1.10", want: 110},
		// A comma only groups thousands: "1,5" or "1,00" (a decimal comma)
		// was read as 15 and 100, a hundred times the amount meant.
		{in: "1,000", want: 100000},
		{in: "12,345,678.9", want: 1234567890},
		{in: "$1,000", want: 100000},
		{in: "1,5", bad: true, code: "amount_bad_comma"},
		{in: "1,00", bad: true, code: "amount_bad_comma"},
		{in: "1,0000", bad: true, code: "amount_bad_comma"},
		{in: "1000,000", bad: true, code: "amount_bad_comma"},
		{in: ",100", bad: true, code: "amount_bad_comma"},
		{in: "1,,000", bad: true, code: "amount_bad_comma"},
		{in: "1.000,50", bad: true, code: "amount_bad_comma"},
		{in: "0.5,000", bad: true, code: "amount_bad_comma"},
		{in: "1,500万", want: 1500000000},
		{in: "1,5万", bad: true, code: "amount_bad_comma"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMoney(tt.in)
			if tt.bad {
				var p *Problem
				want := tt.code
				if want == "" {
					want = "bad_amount"
				}
				if !errors.As(err, &p) || p.Code != want {
					t.Fatalf("ParseMoney(%q) = %v, %v; want a %s Problem", tt.in, got, err, want)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseMoney(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}
