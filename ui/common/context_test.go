package common

import (
	"testing"

	"salesplan/model"
)

type plainPane struct{ Pane }

type ctxPane struct{ Pane }

func (ctxPane) ContextClient() model.ID { return 7 }

type wrapPane struct {
	Pane
	inner Pane
}

func (w wrapPane) Unwrap() Pane { return w.inner }

func TestContextClientOf(t *testing.T) {
	tests := []struct {
		name string
		p    Pane
		want model.ID
	}{
		{"no context", plainPane{}, 0},
		{"context", ctxPane{}, 7},
		{"wrapped context", wrapPane{inner: ctxPane{}}, 7},
		{"twice wrapped", wrapPane{inner: wrapPane{inner: ctxPane{}}}, 7},
		{"wrapped without context", wrapPane{inner: plainPane{}}, 0},
	}
	for _, tc := range tests {
		if got := ContextClientOf(tc.p); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}
