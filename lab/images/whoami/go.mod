module anywhere-console/lab/images/whoami

go 1.22
