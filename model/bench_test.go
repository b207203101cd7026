package model

import (
	"fmt"
	"strings"
	"testing"
)

func BenchmarkInertPlain(b *testing.B) {
	s := strings.Repeat("王总 called about the quote; 明天拜访. ", 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Inert(s)
	}
}

func BenchmarkInertHostile(b *testing.B) {
	s := strings.Repeat("\x1b[31mred\x1b]8;;http://x\x07link\x1b]8;;\x07\r\u202e王\xff", 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Inert(s)
	}
}

// BenchmarkBuildAgenda is a heavy day: 200 tasks, 5,000 clients, 500 live
// projects, 300 promises.
func BenchmarkBuildAgenda(b *testing.B) {
	today := d("2026-11-27")
	in := AgendaInput{Today: today, Settings: DefaultSettings(), ClientNames: map[ID]string{}}
	for i := range 200 {
		in.Tasks = append(in.Tasks, task(ID(i+1), today.AddDays(-(i%5)).String(), "", []Slot{SlotMorning, SlotAfternoon, SlotEvening, SlotAny}[i%4], i%3 == 0, false))
	}
	for i := range 5000 {
		tier := TierRegular
		if i%5 == 0 {
			tier = TierKey
		}
		in.Clients = append(in.Clients, ClientState{Client: Client{ID: ID(i + 1), Name: fmt.Sprint("c", i), Tier: tier,
			CreatedOn: d("2026-01-01")}, LastContact: today.AddDays(-(i % 40))})
	}
	for i := range 500 {
		p := project(Stages[i%8], today.AddDays(-(i % 30)).String(), today.AddDays(i%7-3).String())
		p.ID, p.Name, p.ClientID = ID(i+1), fmt.Sprint("p", i), ID(i+1)
		in.Projects = append(in.Projects, ProjectState{Project: p, ClientName: fmt.Sprint("c", i)})
	}
	for i := range 300 {
		in.Promises = append(in.Promises, Promise{ID: ID(i + 1), ClientID: ID(i + 1), Due: today.AddDays(i%10 - 7), Status: PromiseOpen})
	}
	for b.Loop() {
		BuildAgenda(in)
	}
}
