import functools
def trace(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        print("call", f.__name__, a, k)
        return f(*a, **k)
    return wrapper
@trace
def add(a, b=1):
    """adds"""
    return a + b
print(add(2), add(2, b=5), add.__name__, add.__doc__, add.__wrapped__.__name__)
def repeat(n):
    def deco(f):
        def inner(*a):
            return [f(*a) for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def d1(f):
    print("d1 applied")
    return lambda: "d1(" + f() + ")"
def d2(f):
    print("d2 applied")
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
def class_deco(cls):
    cls.decorated = True
    return cls
@class_deco
class K:
    pass
print(K.decorated)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
@(lambda f: f)
def ident():
    return "ident"
print(ident())
