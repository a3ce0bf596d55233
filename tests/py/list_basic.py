a = [3, 1, 2]
a.append(5)
a.extend([9, 8])
a.insert(0, 7)
print(a, len(a), a[1], a[-1], a[1:3], a[::-2])
a.sort()
print(a, a.pop(), a.pop(0), a)
a.reverse()
print(a, a.index(3), a.count(2), 3 in a, 10 in a)
a[1:3] = ["x", "y", "z"]
print(a)
del a[0]
del a[::2]
print(a)
b = a * 2 + [0]
print(b, sorted([5, 2, 8], reverse=True), list(reversed([1, 2, 3])))
print([[0] * 2 for _ in range(2)], [1, 2] == [1, 2], [1, 2] is [1, 2])
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1, 2].index(5)
except ValueError as e:
    print(e)
try:
    a[10] = 1
except IndexError as e:
    print(e)
x = [1, 2, 3]
x += [4]
x *= 2
print(x)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0])
r = []
r.append(r)
print(r)
