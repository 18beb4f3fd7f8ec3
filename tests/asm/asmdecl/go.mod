module asmdecltest

go 1.19
