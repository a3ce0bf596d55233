a = -x + +y * ~z ** -2
b = a // b % c @ d << 1 >> 2 & 3 ^ 4 | 5
c = not a and b or c and not d
d = a < b <= c > d >= e == f != g in h not in i is j is not k
e = x if y else z if w else v
f = (x)
