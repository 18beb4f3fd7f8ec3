// Types made by reflect: ChanOf (ptrToThis of the copied prototype), StructOf with
// promoted methods, ArrayOf as a map key (reflect's Go closures for == and hash).
package main

import (
	"fmt"
	"reflect"
)

type T *uintptr

type Iface interface{ Get() int }
type StructI int

func (i StructI) Get() int { return int(i) }

func main() {
	tt := reflect.TypeOf(T(nil))
	ct := reflect.ChanOf(reflect.BothDir, tt)
	fmt.Println(ct.String(), ct.Elem() == tt)
	v := reflect.MakeChan(ct, 1)
	pv := reflect.New(ct)
	pv.Elem().Set(v)
	st := reflect.StructOf([]reflect.StructField{{Name: "StructI", Anonymous: true, Type: reflect.TypeOf(StructI(0))}})
	fmt.Println(st.String(), st.NumMethod(), st.Implements(reflect.TypeOf((*Iface)(nil)).Elem()))
	at := reflect.ArrayOf(3, reflect.TypeOf(""))
	m := reflect.MakeMap(reflect.MapOf(at, reflect.TypeOf(0)))
	k := reflect.New(at).Elem()
	k.Index(1).SetString("x")
	m.SetMapIndex(k, reflect.ValueOf(7))
	k2 := reflect.New(at).Elem()
	k2.Index(1).SetString("x")
	fmt.Println(m.MapIndex(k2), k.Interface() == k2.Interface())
}
