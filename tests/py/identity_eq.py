a = [1]
b = [1]
print(a == b, a is b, a is a, None is None, (a is not b))
x = 300
y = 300
print(x == y)
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2)
print(type(1) is int, type(True) is bool, type(True) is int, isinstance(True, int))
print(NotImplemented, Ellipsis, ..., type(...).__name__, type(NotImplemented).__name__)
class C: pass
c = C()
print(c == c, c != c, c is c, [c] == [c], (c,) == (c,))
nan = float("nan")
print([nan] == [nan], nan in [nan], {nan: 1}.get(nan))
