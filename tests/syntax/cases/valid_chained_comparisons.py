a < b < c
a == b != c
a is not b is c
a not in b in c
