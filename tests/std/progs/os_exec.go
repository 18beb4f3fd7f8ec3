// os/exec: fork and exec (syscall.rawVforkSyscall, which goc's runtime replaces), output, exit status.
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("echo", "hi", "there").Output()
	fmt.Printf("%q %v\n", out, err)
	err = exec.Command("sh", "-c", "exit 3").Run()
	fmt.Println(err)
}
