class M:
    n = 1
    @classmethod
    def make(cls, v):
        o = cls()
        o.v = v
        return o
    @staticmethod
    def add(a, b):
        return a + b
class N(M):
    n = 2
o = N.make(5)
print(type(o).__name__, o.v, M.add(1, 2), o.add(3, 4), N.make.__self__.__name__)
print(type(M.__dict__["make"]).__name__, type(M.__dict__["add"]).__name__)
print(M.__dict__["add"].__func__(1, 1), M.__dict__["make"].__func__.__name__)
sm = staticmethod(len)
print(sm.__func__ is len)
cm = classmethod(lambda cls: cls.n)
class P:
    n = 9
    f = cm
print(P.f(), P().f())
