a, b = c
a, *b, c = d
[a, (b, c)] = e
x.y, z[0] = 1, 2
del a, x.y, z[0]
x += 1
x.y *= 2
x[0] //= 3
