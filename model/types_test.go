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
		{in: "1e20", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMoney(tt.in)
			if tt.bad {
				var p *Problem
				if !errors.As(err, &p) || p.Code != "bad_amount" {
					t.Fatalf("ParseMoney(%q) = %v, %v; want a bad_amount Problem", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseMoney(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}
