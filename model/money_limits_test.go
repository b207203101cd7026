package model

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// A month's signed sales can be a sum of many values at the limit: the
// percentage of target must be the true one, never wrapped.
func TestPercentAtTheLimit(t *testing.T) {
	target := int64(83333333333334) // 10^13 a year, a month's share, in cents
	for _, tt := range []struct {
		name        string
		part, whole int64
		want        int64
		ok          bool
	}{
		{"half", 50, 100, 50, true},
		{"rounds half up", 125, 1000, 13, true},
		{"no target", 5, 0, 0, false},
		{"100 projects at 10^13", 100 * int64(MaxMoney), target, 120000, true},
		{"1000 projects at 10^13", 1000 * int64(MaxMoney), target, 1200000, true},
		{"saturated sum", math.MaxInt64, target, 11068046, true},
		{"a cent of target", math.MaxInt64, 1, math.MaxInt64, true}, // beyond int64: saturates
		{"negative", -125, 1000, -13, true},
		{"short of the target is not 100%", 999999999999999, 1000000000000000, 99, true},
		{"the target met is 100%", 1000, 1000, 100, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Percent(tt.part, tt.whole)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Percent(%d, %d) = %d, %v; want %d, %v", tt.part, tt.whole, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestScaleNeverOverflows(t *testing.T) {
	for _, tt := range []struct {
		part, whole int64
		n, want     int
	}{
		{50, 100, 20, 10},
		{math.MaxInt64, math.MaxInt64, 40, 40},
		{math.MaxInt64 / 2, math.MaxInt64, 40, 19},
		{1, 0, 40, 0},
	} {
		if got := Scale(tt.part, tt.whole, tt.n); got != tt.want {
			t.Errorf("Scale(%d, %d, %d) = %d, want %d", tt.part, tt.whole, tt.n, got, tt.want)
		}
	}
}

// Money in JSON is exact to the cent, however large the sum; a saturated
// sum says so.
func TestMoneyJSONExact(t *testing.T) {
	for _, tt := range []struct {
		m    Money
		want string
	}{
		{0, "0"}, {12000050, "120000.5"}, {5, "0.05"}, {-150, "-1.5"},
		{MaxMoney - 1, "9999999999999.99"},
		{99999999999999999, "999999999999999.99"}, // past 2^53 cents: a float64 would round
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	} {
		b, _ := json.Marshal(tt.m)
		if string(b) != tt.want {
			t.Errorf("%d cents → %s, want %s", int64(tt.m), b, tt.want)
		}
	}
	many := make([]Money, 12000)
	for i := range many {
		many[i] = MaxMoney
	}
	if s := SumMoney(many...); !s.Saturated() {
		t.Errorf("12000 × MaxMoney = %d is not marked saturated", s)
	}
	if s := SumMoney(many[:9000]...); s.Saturated() {
		t.Errorf("9000 × MaxMoney = %d marked saturated; it is exact", s)
	}
}

// Import reads money exactly too: finer than a cent is refused.
func TestMoneyJSONFinerThanACent(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Money
		code string
	}{
		{"0.001", 0, "amount_too_precise"},
		{"9999999999999.999", 0, "amount_too_precise"},
		{"9999999999999.99", MaxMoney - 1, ""},
		{"-1.5", -150, ""},
		{"120000.5", 12000050, ""},
		{"1e2", 10000, ""},
	} {
		var m Money
		err := json.Unmarshal([]byte(tt.in), &m)
		if p := ProblemOf(err); tt.code != "" && (p == nil || p.Code != tt.code) || tt.code == "" && (err != nil || m != tt.want) {
			t.Errorf("%s → %d, %v; want %d, %q", tt.in, m, err, tt.want, tt.code)
		}
	}
}

// The int64 path of Percent and Scale gives what exact arithmetic gives,
// on both sides of where it hands over to big integers.
func TestPercentScaleFastPathExact(t *testing.T) {
	ref := func(part, whole int64) int64 {
		p := new(big.Int).Abs(big.NewInt(part))
		p.Mul(p, big.NewInt(200)).Add(p, big.NewInt(whole))
		p.Quo(p, big.NewInt(2*whole))
		r := int64(math.MaxInt64) // beyond the range: saturated
		if p.IsInt64() {
			r = p.Int64()
		}
		if r == 100 && part >= 0 && part < whole {
			r = 99
		}
		if part < 0 {
			r = -r
		}
		return r
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		shift := rng.IntN(60)
		part, whole := rng.Int64N(1<<shift+1)-rng.Int64N(2), rng.Int64N(1<<rng.IntN(60)+1)+1
		if got, _ := Percent(part, whole); got != ref(part, whole) {
			t.Fatalf("Percent(%d, %d) = %d, want %d", part, whole, got, ref(part, whole))
		}
		if part > 0 {
			n := rng.IntN(2000) + 1
			want := new(big.Int).Quo(new(big.Int).Mul(big.NewInt(part), big.NewInt(int64(n))), big.NewInt(whole))
			if want.IsInt64() && want.Int64() <= math.MaxInt32 && int64(Scale(part, whole, n)) != want.Int64() {
				t.Fatalf("Scale(%d, %d, %d) = %d, want %v", part, whole, n, Scale(part, whole, n), want)
			}
		}
	}
}
