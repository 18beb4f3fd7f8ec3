module example.com/gentest

go 1.19
