// The spec's illegal interface embedding cycles ("General interfaces").
package main

// spec General interfaces: Bad cannot embed itself
type Bad interface { // ERROR invalid recursive type
	Bad
}

// spec General interfaces: Bad1 cannot embed itself using Bad2
type Bad1 interface { // ERROR invalid recursive type
	Bad2
}
type Bad2 interface {
	Bad1
}

// spec General interfaces: Bad3 cannot embed a union containing Bad3
type Bad3 interface { // ERROR invalid recursive type
	~int | ~string | Bad3
}

func main() {}
