package runtime

// GOOS is the operating system the program runs on (build constraint: the file name).
const GOOS = "linux"
