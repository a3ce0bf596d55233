def f(a, b=1, *args, c=2, **kw):
    """Doc of f."""
    x = a
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_varnames, f.__code__.co_kwonlyargcount)
print(f.__code__.co_filename.endswith("func_attrs.py"), f.__code__.co_firstlineno, f.__globals__ is globals())
print(f.__closure__, f.__annotations__, f.__dict__, type(f).__name__)
f.custom = 5
print(f.__dict__, f.custom)
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Q.renamed at"))
f.__defaults__ = (10,)
print(f(1, c=3), f.__defaults__)
def ann(x: int, y: "str" = "s") -> bool:
    pass
print(ann.__annotations__)
def g():
    pass
print(g.__doc__, g.__code__.co_flags & 0x20, (lambda: 0).__name__)
class C:
    def m(self):
        pass
print(C.m.__qualname__, C().m.__name__, C.m.__module__)
try:
    f.__name__ = 5
except TypeError as e:
    print(e)
def closure():
    v = 1
    def inner():
        return v
    return inner
print(len(closure().__closure__), closure().__code__.co_freevars)
print(f.__code__.co_nlocals, type(f.__code__).__name__, f.__code__.co_consts[0])
