// Every bounds error of an index or slice expression, for every operand
// kind (slice, array, pointer to array, string), with signed, unsigned
// and generic index types, and slice-to-array-pointer conversions: the
// messages recovered as runtime errors must be gc's text exactly.
// (Generated once by a script for issue 8; edit freely.)
package main

var sink interface{}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(name, "ok")
			return
		}
		println(name, "=>", r.(error).Error())
	}()
	f()
}

type Idx interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

func gindex[I Idx](s []int, i I) int     { return s[i] }
func gslice[I Idx](s string, i I) string { return s[i:] }

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func main() {
	s := make([]int, 5, 8)
	_ = s
	a := [5]int{}
	_ = a
	pa := &[5]int{}
	_ = pa
	str := "hello"
	_ = str
	k := 7
	vals := []int{-1, 0, 2, 5, 6, 8, 9, 300}
	for _, i := range vals {
		for _, j := range vals {
			try("slice[i] "+itoa(i), func() { sink = s[i] })
			try("slice[i:j] "+itoa(i)+","+itoa(j), func() { sink = s[i:j] })
			try("slice[:j] "+itoa(j), func() { sink = s[:j] })
			try("slice[i:] "+itoa(i), func() { sink = s[i:] })
			try("slice[i:j:k] "+itoa(i)+","+itoa(j), func() { sink = s[i:j:k] })
			try("slice[1:i:j] "+itoa(i)+","+itoa(j), func() { sink = s[1:i:j] })
			try("slice[:i:j] "+itoa(i)+","+itoa(j), func() { sink = s[:i:j] })
			try("array[i] "+itoa(i), func() { sink = a[i] })
			try("array[i:j] "+itoa(i)+","+itoa(j), func() { sink = a[i:j] })
			try("array[:j] "+itoa(j), func() { sink = a[:j] })
			try("array[i:] "+itoa(i), func() { sink = a[i:] })
			try("array[i:j:k] "+itoa(i)+","+itoa(j), func() { sink = a[i:j:k] })
			try("array[1:i:j] "+itoa(i)+","+itoa(j), func() { sink = a[1:i:j] })
			try("array[:i:j] "+itoa(i)+","+itoa(j), func() { sink = a[:i:j] })
			try("parray[i] "+itoa(i), func() { sink = pa[i] })
			try("parray[i:j] "+itoa(i)+","+itoa(j), func() { sink = pa[i:j] })
			try("parray[:j] "+itoa(j), func() { sink = pa[:j] })
			try("parray[i:] "+itoa(i), func() { sink = pa[i:] })
			try("parray[i:j:k] "+itoa(i)+","+itoa(j), func() { sink = pa[i:j:k] })
			try("parray[1:i:j] "+itoa(i)+","+itoa(j), func() { sink = pa[1:i:j] })
			try("parray[:i:j] "+itoa(i)+","+itoa(j), func() { sink = pa[:i:j] })
			try("string[i] "+itoa(i), func() { sink = str[i] })
			try("string[i:j] "+itoa(i)+","+itoa(j), func() { sink = str[i:j] })
			try("string[:j] "+itoa(j), func() { sink = str[:j] })
			try("string[i:] "+itoa(i), func() { sink = str[i:] })
		}
	}
	for _, i := range vals {
		x := uint(i)
		try("uint s[x] "+itoa(i), func() { sink = s[x] })
		try("uint str[x:] "+itoa(i), func() { sink = str[x:] })
		try("uint a[:x] "+itoa(i), func() { sink = a[:x] })
		try("uint pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("uint generic "+itoa(i), func() { sink = gindex(s, x) })
		try("uint generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := uint8(i)
		try("uint8 s[x] "+itoa(i), func() { sink = s[x] })
		try("uint8 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("uint8 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("uint8 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("uint8 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("uint8 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := int8(i)
		try("int8 s[x] "+itoa(i), func() { sink = s[x] })
		try("int8 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("int8 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("int8 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("int8 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("int8 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := int16(i)
		try("int16 s[x] "+itoa(i), func() { sink = s[x] })
		try("int16 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("int16 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("int16 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("int16 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("int16 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := uint32(i)
		try("uint32 s[x] "+itoa(i), func() { sink = s[x] })
		try("uint32 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("uint32 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("uint32 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("uint32 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("uint32 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := int64(i)
		try("int64 s[x] "+itoa(i), func() { sink = s[x] })
		try("int64 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("int64 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("int64 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("int64 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("int64 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := uint64(i)
		try("uint64 s[x] "+itoa(i), func() { sink = s[x] })
		try("uint64 str[x:] "+itoa(i), func() { sink = str[x:] })
		try("uint64 a[:x] "+itoa(i), func() { sink = a[:x] })
		try("uint64 pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("uint64 generic "+itoa(i), func() { sink = gindex(s, x) })
		try("uint64 generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, i := range vals {
		x := uintptr(i)
		try("uintptr s[x] "+itoa(i), func() { sink = s[x] })
		try("uintptr str[x:] "+itoa(i), func() { sink = str[x:] })
		try("uintptr a[:x] "+itoa(i), func() { sink = a[:x] })
		try("uintptr pa[1:2:x] "+itoa(i), func() { sink = pa[1:2:x] })
		try("uintptr generic "+itoa(i), func() { sink = gindex(s, x) })
		try("uintptr generic slice "+itoa(i), func() { sink = gslice(str, x) })
	}
	for _, n := range []int{0, 1, 3, 5} {
		sl := make([]byte, n)
		try("conv *[4]byte "+itoa(n), func() { sink = (*[4]byte)(sl) })
		try("conv *[0]byte "+itoa(n), func() { sink = (*[0]byte)(sl) })
	}
	var ns []int
	try("conv nil *[0]int", func() { sink = (*[0]int)(ns) == nil })
	try("conv nil *[1]int", func() { sink = (*[1]int)(ns) })
}
