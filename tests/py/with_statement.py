class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow
with CM("a") as x:
    print("body", x)
with CM("b", swallow=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError:
    print("propagated")
with CM("d") as d1, CM("e") as e1:
    print(d1, e1)
def ret():
    with CM("f"):
        return "returned"
print(ret())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class OnlyEnter:
    def __enter__(self): return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
import contextlib
@contextlib.contextmanager
def managed(v):
    print("setup", v)
    try:
        yield v * 2
    finally:
        print("teardown", v)
with managed(3) as m:
    print("inside", m)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed ok")
