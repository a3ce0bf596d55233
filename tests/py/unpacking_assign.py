# Assignment forms: tuple/list unpacking with stars at every position,
# nested targets, unpacking of iterators/strings/dicts/sets, chained
# assignment order, augmented assignment on attributes/subscripts/slices
# (evaluation once), and the ValueErrors for wrong counts.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = [1, 2], 3
[p, [q, r]] = (4, (5, 6))
print(x, y, z, p, q, r)
first, *middle, last = range(6)
*head, tail = "abc"
h, *t = [1]
*e, = ()
print(first, middle, last, head, tail, h, t, e)
a, (b, *c), d = 1, [2, 3, 4], 5
print(a, b, c, d)
k1, k2 = {"x": 1, "y": 2}
v1, v2 = sorted({10, 20})
i1, i2, i3 = iter([7, 8, 9])
print(k1, k2, v1, v2, i1, i2, i3)
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, *b, c = [1]", "a, b = 1", "(a, b), c = 1, 2", "a, b = 'xyz'"]:
    try:
        exec(bad, {})
    except (ValueError, TypeError) as err:
        print(repr(bad), type(err).__name__, err)
def gen():
    yield 1
    yield 2
    yield 3
g = gen()
try:
    one, two = g
except ValueError as err:
    print(type(err).__name__, err, list(g))

order = []
class Tracker:
    def __init__(self, name):
        self.name = name
    def __setitem__(self, k, v):
        order.append(("set", self.name, k, v))
    def __getitem__(self, k):
        order.append(("get", self.name, k))
        return 10
def idx(n):
    order.append(("idx", n))
    return n
t1, t2 = Tracker("t1"), Tracker("t2")
t1[idx(1)] = t2[idx(2)] = idx(99)
print(order)
order.clear()
t1[idx(3)] += idx(4)
print(order)

class Obj:
    def __init__(self):
        self.count = 0
        self.items = [1, 2, 3]
o = Obj()
o.count += 5
o.items[0] += 100
o.items[1:] += [9]
o.items *= 2
print(o.count, o.items)
lst = [[0]] * 3
lst[0][0] += 1
print(lst)
d = {"k": [1]}
d["k"] += [2]
d.setdefault("n", []).append(3)
print(d)
s = "ab"
s += "cd"
s *= 2
print(s)
n = 10
n //= 3
n **= 3
n %= 7
n <<= 2
n |= 1
n ^= 0b110
n &= 0b1111
n >>= 1
n -= 1
print(n)
f = 2.0
f /= 4
f -= 1
print(f)
x = y = z = []
x.append(1)
print(y, z is x)
a = b = c = 0
a += 1
print(a, b, c)
i = 0
items = [0, 0, 0]
i, items[i] = 1, 5
print(i, items)
(a, b), (c, d) = "ab", "cd"
print(a, b, c, d)
for (num, (ch1, ch2)) in [(1, "xy"), (2, "zw")]:
    print(num, ch1, ch2, end="; ")
print()
[*collected] = (1, 2)
print(collected, type(collected).__name__)
try:
    exec("a, *b, *c = range(5)")
except SyntaxError as err:
    print(type(err).__name__, err.msg)
print([*range(3), *"ab", *{"k": 1}], (*[1], 2), {*"aa", 3} == {"a", 3}, {**{"a": 1}, "b": 2})
