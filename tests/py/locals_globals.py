def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print(g["__name__"], "f" in g, type(g).__name__)
g["injected"] = "yes"
print(injected)
class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
def mod_locals():
    v = 1
    locals()["v"] = 2
    return v
print(mod_locals())
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))
