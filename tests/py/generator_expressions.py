g = (i * i for i in range(5))
print(type(g).__name__, sum(g), sum(g))
print(max(len(w) for w in ["a", "abc", "ab"]), "".join(c.upper() for c in "abc"))
print(list((x, y) for x in range(2) for y in "ab"))
print(sorted((v for v in [3, 1, 2]), reverse=True), any(x > 2 for x in [1, 2, 3]))
def lazy_src():
    for i in range(3):
        print("producing", i)
        yield i
ge = (v * 10 for v in lazy_src())
print("created")
print(next(ge))
print(list(ge))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
n = 3
gen = (i + n for i in range(2))
n = 100
print(list(gen))
