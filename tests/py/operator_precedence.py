# Operator precedence and associativity: arithmetic vs bitwise vs
# comparison vs boolean, unary minus with **, chained comparisons with
# side effects evaluated once, conditional expressions and lambdas,
# walrus in conditions, membership/identity, and evaluation order.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4), 7 // 2 * 2, -7 // 2, -(7 // 2), 7 % -3)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, (1 << 2) + 1, ~1 + 1, -~1, ~-1, 6 & 3 | 8, 6 & (3 | 8), 5 ^ -1)
print(1 + 2 == 3, 1 < 2 == True, (1 < 2) == True, 1 == 1.0 == True, 3 > 2 > 1, 3 > 2 < 5 > 4, not 1 == 2, not (1 and 0))
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (1 or 2) and 3, not 0 and 1, not (0 and 1), None or 0 or [] or "x")
print(1 if True else 2 if False else 3, (1 if False else 2) + 10, 1 if False else 2 + 10, [x for x in range(5) if x % 2 if x > 1])
f = lambda x: x + 1 if x > 0 else x - 1
print(f(5), f(-5), (lambda: 1 or 2)(), (lambda *a: a)(1, 2), list(map(lambda x, y=2: x * y, [1, 2])))
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) + v(2) * v(3), calls)
calls.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(calls)
calls.clear()
lst = [0, 0]
lst[v(0)] = v(5)
print(calls, lst)
calls.clear()
v(print)(v("a"), v("b"), sep=v("-"))
print(calls)
calls.clear()
x = [v(1), v(2)][v(0)]
print(x, calls)
print(1 in [1, 2] == True, (1 in [1, 2]) == True, 2 not in {1}, "a" in "cat" in "concatenate", None is None is not False)
e1, e2, one = [], [], 1
print(e1 is e2, one is not None, not None is None, -1 in range(-2, 0), 3 in {3: "x"})
if (n := len("walrus")) > 3:
    print("walrus", n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * x) > 4], y)
while (chunk := data[:2]):
    data = data[2:]
    print("chunk", chunk)
print((a := 1, b := 2), a + b, [c := 10, c + 1])
print(2 * -3, 2 - -3, - - 4, +-+1, not not 0, ~~5, 2**-1**2, (2**-1)**2)
print(1 < 2 and 2 < 3 or 1 / 0, 0 and 1 / 0, "short" or 1 / 0, [] and 1 / 0, 3 - 2 - 1 == 0, 3 - (2 - 1) == 2)
print(8 >> 1 << 2, 8 >> (1 << 2), 1 + 2 << 3, 1 + (2 << 3), 0x0f & 0x3c ^ 0xff, 0x0f & (0x3c ^ 0xff), 1 | 2 == 3, (1 | 2) == 3)
s = "x"
print(s * 2 + s, s + s * 2, "%s" % s * 2, "%s" % (s * 2), -len("ab") ** 2, (-len("ab")) ** 2)
print(5 if 0 else 6 if 0 else 7, [1, 2][1 if True else 0], {True: "y", False: "n"}[3 > 2], (lambda: (yield))().__class__.__name__)
