class A:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class B(A, x=1): pass
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen(); print(next(g)); g.close()
import sys
def f():
    try:
        raise KeyError("k")
    except KeyError:
        return sys.exc_info()[1]
print(repr(f()))
try:
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("sub", [TypeError(2)])])
except* TypeError as e:
    print("T", repr(e))
except* ValueError as e:
    print("V", repr(e))
x = 10
def outer():
    x = 20
    return eval("x")
print(outer())
exec("def hello(): return 'hi'")
print(hello())
ns = {}
exec(compile("y = [i for i in range(3)]", "<c>", "exec"), ns)
print(ns["y"])
print(eval("[a*2 for a in range(3)]"))
class M(type):
    def __repr__(cls): return "M<" + cls.__name__ + ">"
class Q(metaclass=M): pass
print(Q, type(Q).__name__)
print(sorted(k for k in vars(type("T", (), {"a": 1})) if not k.startswith("__") or k == "__module__"))
