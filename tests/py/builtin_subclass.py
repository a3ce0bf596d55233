class MyInt(int):
    def double(self): return self * 2
    def __repr__(self): return f"MyInt({int(self)})"
m = MyInt(21)
print(m, m.double(), m + 1, type(m + 1).__name__, isinstance(m, int), m == 21, hash(m) == hash(21))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hey")
print(s, s.shout(), len(s), s + "x", type(s).__name__, s == "hey", {s: 1}["hey"])
class MyList(list):
    def total(self): return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), type(l).__name__, l[1:], isinstance(l, list))
class MyDict(dict):
    def __missing__(self, k): return "missing " + k
d = MyDict(a=1)
print(d["a"], d["b"], d, len(d))
class Attrs(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
a = Attrs(x=5)
print(a.x, hasattr(a, "y"))
class MyTuple(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
t = MyTuple(1, 2)
print(t, len(t), type(t).__name__)
class MyFloat(float):
    pass
print(MyFloat(1.5) * 2, type(MyFloat(2.0)).__name__)
class MyExc(ValueError):
    pass
try:
    raise MyExc("custom")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
print(MyInt.__mro__[1:], bool(MyInt(0)), MyStr.__base__.__name__)
