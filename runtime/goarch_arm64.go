package runtime

// GOARCH is the architecture the program runs on (build constraint: the file name).
const GOARCH = "arm64"
