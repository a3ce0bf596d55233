# dict and set internals observable from Python: insertion order kept
# through deletes and updates, order after pop/popitem, equality ignoring
# order, keys with equal hashes (1, 1.0, True) merging, mutation during
# iteration errors, large dicts, and sets of mixed hashable types.
d = {}
for k in "zyxwv":
    d[k] = ord(k)
del d["x"]
d["x"] = 0
d["z"] = -1
print(list(d), d.popitem(), list(d), next(iter(d)), list(reversed(d)))
d.update([("new", 1)], z=5)
print(d, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}))
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
print(m, {True: 1, 1: 2, 1.0: 3}, {0: "a", False: "b", 0.0: "c", -0.0: "d"}, len({1, 1.0, True, 2}))
s = {1, "1", 1.0, (1,), frozenset({1}), None, 2 + 0j}
print(len(s), 1 in s, "1" in s, (1,) in s, frozenset([1]) in s, 2 in s, None in s)
big = {i: i * i for i in range(100000)}
for i in range(0, 100000, 2):
    del big[i]
print(len(big), big[99999], sum(big) % 1000007, list(big)[:3], min(big), max(big))
big.clear()
print(big, len(big))
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
s2 = set(range(10))
try:
    for v in s2:
        s2.discard(v)
except RuntimeError as e:
    print(type(e).__name__, e)
d2 = dict.fromkeys(range(5))
for k in list(d2):
    if k % 2:
        del d2[k]
print(d2)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return isinstance(o, Collide) and self.v == o.v
    def __repr__(self):
        return "C%d" % self.v
cd = {Collide(i): i for i in range(50)}
print(len(cd), cd[Collide(37)], Collide(99) in cd)
for i in range(0, 50, 3):
    del cd[Collide(i)]
print(len(cd), sorted(cd.values())[:5], list(cd)[:3])
print(sorted({3, 1, 2}), sorted({"b", "a"}), sorted(frozenset("cab")), {1, 2} == {2, 1}, set() == set(), {()} , {(1, 2): "t"}[1, 2])
dd = {}
dd.setdefault("list", []).append(1)
dd.setdefault("list", []).append(2)
print(dd, dict(zip("abc", range(3))), dict(a=1, **{"b": 2}), {**{"a": 1}, **{"a": 2}})
od = dict([(3, "c"), (1, "a"), (2, "b")])
print(list(od.items()), sorted(od.items()), dict(sorted(od.items(), key=lambda kv: kv[1], reverse=True)))
print({k: v for k, v in od.items() if k > 1}, {v: k for k, v in od.items()}, dict.fromkeys("ab", 0) | {"c": 1})
