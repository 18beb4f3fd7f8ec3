// binary-trees (the benchmarks game's allocation test, written for goc's
// bench): build and check many complete binary trees of small nodes
// while one long-lived tree stays reachable; depth 21.
package main

type Node struct{ left, right *Node }

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const minDepth = 4
	maxDepth := 21
	stretch := bottomUp(maxDepth + 1)
	println("stretch tree of depth", maxDepth+1, "check:", stretch.check())
	longLived := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+minDepth)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += bottomUp(d).check()
		}
		println(iters, "trees of depth", d, "check:", sum)
	}
	println("long lived tree of depth", maxDepth, "check:", longLived.check())
}
