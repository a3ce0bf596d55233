# Comprehension scoping: the loop variable does not leak, the first
# iterable is evaluated in the enclosing scope, class-body comprehensions
# cannot see class variables (except the first iterable), nested and
# dependent comprehensions, walrus inside comprehensions, and ordering.

x = "global x"
lst = [x for x in range(3)]
print(lst, x)

def first_iterable_scope():
    n = 3
    return [i * n for i in range(n)]
print(first_iterable_scope())

class K:
    factor = 10
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        scaled = [i * factor for i in items]
    except NameError as e:
        error = "NameError: " + str(e)
    pairs = [(a, b) for a in items for b in range(a)]
print(K.doubled, K.error, K.pairs)

matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
print([[row[c] for row in matrix] for c in range(3)])
print([v for row in matrix for v in row if v % 2 if v > 2])
print({k: [v for v in range(k)] for k in range(4)})
print({(a, b) for a in range(2) for b in "xy"} == {(0, "x"), (0, "y"), (1, "x"), (1, "y")})

gen = (i * i for i in range(4))
print(sum(gen), sum(gen))
def lazy_error():
    g = (1 / d for d in [1, 0])
    out = [next(g)]
    try:
        next(g)
    except ZeroDivisionError as e:
        out.append(type(e).__name__)
    return out
print(lazy_error())
try:
    (1 for _ in 5)
except TypeError as e:
    print("first iterable is evaluated eagerly:", e)

total = 0
values = [total := total + v for v in [1, 2, 3, 4]]
print(values, total)
def walrus_scope():
    [last := i for i in range(5)]
    return last
print(walrus_scope())
print([y for x in [[1, 2], [3]] if (n := len(x)) > 1 for y in x], n)

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in funcs])

def uses_outer():
    base = 100
    return [base + i for i in range(2)], {i: base for i in range(1)}, list(base - i for i in range(2))
print(uses_outer())

def nested_closures():
    return [[lambda: (a, b) for b in range(2)] for a in range(2)]
print([[f() for f in row] for row in nested_closures()])

print([(i, j) for i in range(3) for j in range(i)])
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(dict((k, v) for k, v in zip("abc", range(3))))
print(list(map(lambda t: t[0] * t[1], [(1, 2), (3, 4)])))

# Comprehension iterating over a mutated list.
src = [1, 2, 3]
out = [src.append(v) or v for v in src[:]]
print(out, src)
try:
    [v for v in src if src.remove(v) is None and False]
except Exception as e:
    print(type(e).__name__)
print(src)

# Unpacking targets in comprehensions.
pairs = [(1, "a"), (2, "b")]
print([n for n, _ in pairs], [s for _, s in pairs], [(b, a) for a, b in pairs])
print([first for first, *rest in [(1, 2, 3), (4,)]], [rest for first, *rest in [(1, 2, 3), (4,)]])
try:
    [a for a, b in [(1, 2), (3,)]]
except ValueError as e:
    print(type(e).__name__, e)
import dis
print(type(compile("[x for x in y]", "<s>", "eval")).__name__)
