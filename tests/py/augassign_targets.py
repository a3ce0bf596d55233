class O:
    def __init__(self): self.v = 1
o = O()
o.v += 5
l = [1, 2]
l[0] += 10
d = {"k": [1]}
d["k"] += [2]
d["k"][0] *= 7
s = "ab"
s *= 2
print(o.v, l, d, s)
class Logged:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
lg = Logged()
lg["x"] += 3
def key():
    print("key evaluated")
    return "k"
lg[key()] -= 1
x = 5
x //= 2; x **= 3; x %= 5; x <<= 4; x >>= 1; x |= 1; x &= 0xff; x ^= 2
print(x)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print(e)
print(t)
