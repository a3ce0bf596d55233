class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
s = Seq(4)
print(len(s), list(s), 20 in s, 25 in s, s[2], list(reversed(s)) if hasattr(s, "__reversed__") else "no reversed")
class Map:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): print("set", k, v); self.d[k] = v
    def __delitem__(self, k): print("del", k); del self.d[k]
    def __contains__(self, k): print("contains", k); return k in self.d
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = Map()
m["a"] = 1
m[(1, 2)] = "tuple"
print(m["a"], "a" in m, "b" in m, list(m), len(m))
del m["a"]
try:
    m["zz"]
except KeyError as e:
    print("KeyError", e)
class Rev:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Rev())))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), [x for x in It()], tuple(It()))
class Missing(dict):
    def __missing__(self, k): return k * 2
print(Missing()["ab"], Missing({"x": 1})["x"])
try:
    len(5)
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    five = 5
    five[0]
except TypeError as e:
    print(e)
try:
    Seq(1)[0] = 1
except TypeError as e:
    print(e)
try:
    del Seq(1)[0]
except TypeError as e:
    print(e)
try:
    1 in 5
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self): return "x"
try:
    len(BadLen())
except TypeError as e:
    print(e)
