module example.com/acme

go 1.22

toolchain go1.22.3
