module example.com/locals

go 1.19
