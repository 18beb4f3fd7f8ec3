package main

type St struct{ n int }

func (s *St) String() string { return "stringer!" }

func main() { panic(&St{1}) }
