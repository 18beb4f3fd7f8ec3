// A nil dereference recovered by a deferred call while another panic is
// running leaves the signal on the goroutine, as in gc: the final
// unrecovered panic prints a [signal ...] line whose code and addr are
// the recovering frame's sp and pc (masked by gocases.sh).
package main

type T struct{ a int }

var p *T

func catch() {
	defer func() { println("caught:", recover().(error).Error()) }()
	println(p.a)
}

func main() {
	defer func() { panic("second") }()
	defer catch()
	panic("first")
}
