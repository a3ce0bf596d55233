x.if_ = 1
x.match = 2
x.case = 3
x._ = 4
