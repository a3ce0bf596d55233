a = b = c = 1
x, y = y, x
[p, *q] = r
(s, t), u = v
a.b.c = d[e][f:g] = h
