u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int)
print(u == (str | int), hash(u) == hash(str | int), int | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print((int | str) | float, list[int] if False else "skip")
class A: pass
print(A | None)
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
