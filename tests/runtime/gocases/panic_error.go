package main

type E struct{ code int }

func (e *E) Error() string { return "my error" }

func main() {
	var err error = &E{3}
	panic(err)
}
