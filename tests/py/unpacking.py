a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(5)
print(a, b, c, d, e, f, g)
(h, i), j = (1, 2), 3
print(h, i, j)
first, *_ = [9]
print(first, _)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *[9]], (*"ab",), {*[1, 1, 2]}, {**{"a": 1}, **{"b": 2}})
def f(*args, **kw):
    return args, kw
print(f(*(1, 2), *[3], **{"x": 1}, **{"y": 2}))
for k, (v1, v2) in [("a", (1, 2)), ("b", (3, 4))]:
    print(k, v1, v2)
try:
    a, b = 1
except TypeError as ex:
    print(ex)
try:
    a, *b, c = [1]
except ValueError as ex:
    print(ex)
try:
    x, y = [1, 2, 3]
except ValueError as ex:
    print(ex)
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError as ex:
    print(ex)
try:
    {**[1]}
except TypeError as ex:
    print(ex)
a = b = [0]
a[0] = 1
print(b)
x, y = y, x = 1, 2
print(x, y)
l = [0, 0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
