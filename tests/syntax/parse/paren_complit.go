package p

type T struct{}

var _ = (T){}
