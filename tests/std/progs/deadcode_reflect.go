// The linker's dead-code elimination (src/link/deadcode.c) with a method
// reached only by reflection: Hello is called through MethodByName, so
// it must stay; neverCalled and the unexported unused are dropped
// (tests/std/run.sh checks the symbols with nm).
package main

import (
	"fmt"
	"reflect"
)

type T struct{ n int }

func (t T) Hello(s string) string { return fmt.Sprintf("hello %s from T%d", s, t.n) }
func (t T) unused() int             { return t.n * 3 }

type S struct{ v int }

func (s *S) String() string { return fmt.Sprint("S=", s.v) }

func neverCalled() { fmt.Println("never") }

func main() {
	v := reflect.ValueOf(T{7})
	out := v.MethodByName("Hello").Call([]reflect.Value{reflect.ValueOf("world")})
	fmt.Println(out[0].String())
	m, ok := v.Type().MethodByName("Hello")
	fmt.Println(m.Name, ok, m.Type, v.NumMethod())
	fmt.Println(m.Func.Call([]reflect.Value{v, reflect.ValueOf("again")})[0])
	fmt.Println(&S{3})
}
