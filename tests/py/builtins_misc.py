print(abs(-3), all([]), any([]), bin(10), bool([]), callable(len), chr(65), divmod(9, 4))
print(list(enumerate("ab", 1)), list(filter(None, [0, 1, "", "a"])), list(map(str, [1, 2])))
print(hash(5), hex(16), isinstance(3, (str, int)), issubclass(bool, int), len({1: 2}))
print(list(zip("abc", [1, 2])), max("hello"), min(3, 1, key=lambda v: -v), next(iter([7])))
print(oct(9), ord("z"), pow(2, 5), repr([1]), list(reversed("abc")), round(3.7), sorted("cba"))
print(sum([0.5, 0.5]), type(None).__name__, list(range(2, 10, 3)), str(None))
print(max([], default="empty"), min([3, 1, 2]), max(1, 2, key=lambda x: -x))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
print(id(5) == id(5), type(id(object())).__name__)
print(getattr(1, "real"), hasattr([], "append"), format(3.14159, ".2f"), ascii("ü"), bin(-3))
x = object()
print(type(x).__name__, object.__name__, isinstance(x, object))
print(list(zip()), list(zip([1], "a", (2,))), dict(zip("ab", range(2))))
print(iter([]).__class__.__name__, type(iter(range(3))).__name__, type(reversed([])).__name__)
it = iter([1, 2, 3])
print(next(it), list(it))
def gen():
    yield 1
print(list(iter(gen())))
calls = iter([1, 2, 3, None, 5])
print(list(iter(lambda: next(calls), None)))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted({3: 1, 1: 2}))
