package main

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"os"
)

type T struct{ N int }

func (t T) Add(x int) int          { return t.N + x }
func (t *T) Inc()                   { t.N++ }
func (t T) Join(sep string, xs ...string) string { return strings.Join(xs, sep) + fmt.Sprint(t.N) }

func sum(xs ...int) (int, error) {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s, nil
}

func main() {
	v := reflect.ValueOf(sum)
	out := v.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})
	fmt.Println(out[0].Int(), out[1].IsNil())
	out = v.CallSlice([]reflect.Value{reflect.ValueOf([]int{4, 5})})
	fmt.Println(out[0].Int())
	t := &T{N: 10}
	fmt.Println(reflect.ValueOf(*t).MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})[0].Int())
	reflect.ValueOf(t).MethodByName("Inc").Call(nil)
	fmt.Println(t.N)
	fmt.Println(reflect.ValueOf(t).MethodByName("Join").Call([]reflect.Value{reflect.ValueOf("-"), reflect.ValueOf("a"), reflect.ValueOf("b")})[0])
	m, _ := reflect.TypeOf(t).MethodByName("Add")
	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(t), reflect.ValueOf(1)})[0].Int())
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("x", "y"))
	f := reflect.ValueOf(t).MethodByName("Add").Interface().(func(int) int)
	fmt.Println(f(100))
	tmpl := template.Must(template.New("t").Funcs(template.FuncMap{"up": strings.ToUpper}).Parse("{{.N}} {{up \"hi\"}} {{range .L}}<{{.}}>{{end}} {{.T.Add 3}}\n"))
	tmpl.Execute(os.Stdout, map[string]any{"N": 7, "L": []int{1, 2}, "T": T{N: 1}})
}
