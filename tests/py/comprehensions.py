print([x * x for x in range(5)], [x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)], {x: x * x for x in range(3)}, sorted({x % 2 for x in range(5)}))
print([[y for y in range(x)] for x in range(3)])
x = "outer"
print([x for x in "ab"], x)
def scope():
    n = 10
    return [n + i for i in range(3)], [(lambda: i)() for i in range(2)]
print(scope())
class C:
    v = 5
    items = [v] * 2
    try:
        comp = [v for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.items, C.err)
print(list(x for x in range(3)), sum(i for i in range(5) if i % 2))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
print([(i, j) for i in range(3) if i for j in range(3) if j != i])
g = (x for x in [1, 2])
print(next(g), next(g))
try:
    [1 for _ in 5]
except TypeError as e:
    print(e)
print([w for w in [7, 8] if (last := w)], last)
