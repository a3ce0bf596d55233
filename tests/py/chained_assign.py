a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
i, (j, k), *rest = 1, (2, 3), 4, 5
print(i, j, k, rest)
d = {}
d["a"] = d["b"] = 0
print(d)
class O: pass
o = O()
o.p = o.q = "same"
print(o.p, o.q)
lst = [0, 1, 2]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
