module example.com/net

go 1.19

require example.com/dep v1.2.3
