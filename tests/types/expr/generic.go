// errorcheck

// Generic functions: explicit and partial instantiation, function argument
// and constraint type inference, operations on type parameters.

package p

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[F, T any](s []F, f func(F) T) []T { return nil }
func Pair[A any, B any](a A, b B) (A, B)    { return a, b }
func New[T any]() *T                        { return new(T) }
func Keys[M ~map[K]V, K comparable, V any](m M) []K { return nil }
func First[S ~[]E, E any](s S) E            { var e E; return e }
func Ptr[T any, PT interface{ *T }](x T) PT  { return &x }

type MyInt int
type List[T any] []T

func _() {
	_ = Sum(1, 2, 3)
	_ = Sum(1.5, 2)              // ERROR "default type int of 2 does not match inferred type float64 for T"
	_ = Sum[MyInt](1, 2)
	_ = Sum([]MyInt{1}...)
	_ = Sum("a")                 // ERROR "string does not implement Number \(string missing in ~int \| ~int64 \| ~float64\)"
	_ = Map([]int{1}, func(i int) string { return "" })
	_ = Map[int]([]int{1}, func(i int) bool { return true })
	_ = Map[int, string, bool]   // ERROR "got 3 type arguments but want 2"
	_ = New()                    // ERROR "cannot infer T"
	_ = New[int]()
	_ = Pair(1, "a")             // ERROR "assignment mismatch: 1 variable but Pair returns 2 values"
	_ = Pair[string](1, "a")     // ERROR "assignment mismatch: 1 variable but Pair\[string\] returns 2 values" "cannot use 1 \(untyped int constant\) as string value in argument to Pair\[string\]"
	_ = Keys(map[string]int{})
	_ = First(List[int]{})
	_ = First([]string{}) + "x"
	_ = Ptr(1)
	var p *int = Ptr(2)
	_ = p
	f := Sum[int]
	_ = f(1, 2)
	g := Sum                     // ERROR "cannot use generic function Sum without instantiation"
	_ = g
	var h func(...float64) float64 = Sum[float64]
	_ = h
	_ = Pair(1, 2, 3)            // ERROR "too many arguments in call to Pair"
	_ = List[int]{1, 2}
	_ = List{1}                  // ERROR "cannot use generic type List\[T any\] without instantiation"
}

func ops[T Number, S ~string, U any](t T, s S, u U) {
	_ = t + t
	_ = t * 2
	_ = t % t                    // ERROR "operator % not defined on t \(variable of type T constrained by Number\)"
	_ = s + s
	_ = s[0]
	_ = len(s)
	_ = u + u                    // ERROR "operator \+ not defined on u \(variable of type U constrained by any\)"
	_ = u == u                   // ERROR "incomparable types in type set"
	_ = t < t
	_ = T(1.5)                   // ERROR "cannot convert 1.5 \(untyped float value\) to type T:\n\tcannot convert 1.5 \(untyped float constant\) to int \(in T\)"
	_ = T(1)
	_ = float64(t)
	_ = S("x")
	_ = u.(int)                  // ERROR "cannot use type assertion on type parameter value u"
	_ = interface{}(u).(int)
	var x T = 1
	_ = x
}
