class G:
    a = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dyn_" + name
        raise AttributeError(f"no {name}")
g = G()
print(g.a, g.xyz, getattr(g, "xq"), hasattr(g, "nope"))
try:
    g.nope
except AttributeError as e:
    print(e)
class GA:
    def __init__(self): self.real = 1
    def __getattribute__(self, name):
        if name == "fake":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
ga = GA()
print(ga.real, ga.fake, ga.other)
class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = S()
s.x = 5
print(s.x, s.__dict__)
del s.x
print(hasattr(s, "x"))
setattr(s, "y", 1)
print(s.y)
class Err:
    def __getattribute__(self, name):
        raise KeyError("boom")
try:
    Err().q
except KeyError as e:
    print("KeyError", e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    getattr(1, 5)
except TypeError as e:
    print(e)
print(getattr(G, "a"), type(G.__dict__).__name__)
