d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d, list(d))
print(list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
print(d, d.pop("b"), d, d.setdefault("q", 9), d)
d.update({"x": 1}, y=2)
print(d, dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
print({1: "a", 1.0: "b", True: "c"})
e = {}
e[(1, 2)] = "tuple key"
print(e)
try:
    e[[1]] = 2
except TypeError as ex:
    print(ex)
print({k: v for k, v in zip("abc", range(3))}, {**d, "z": 0})
dd = {"k": {"n": [1, 2]}}
dd["k"]["n"].append(3)
print(dd, d == {"c": 3, "q": 9, "x": 1, "y": 2}, d | {"w": 5})
for k in {"one": 1, "two": 2}:
    print(k)
r = {}
r["self"] = r
print(r)
