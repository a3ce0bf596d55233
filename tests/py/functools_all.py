# functools: lru_cache (hits, maxsize, typed, cache_clear, cache_info),
# cache, partial (nested, keywords, repr of args), reduce with and without
# initial, singledispatch (registration by annotation and by type, MRO
# dispatch), wraps/update_wrapper, total_ordering, cached_property, cmp_to_key.
import functools

calls = []
@functools.lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x
print([square(v) for v in (1, 2, 1, 3, 1, 2)], calls)
print(square.cache_info())
square.cache_clear()
print(square.cache_info(), square.__wrapped__(4), square.__name__)

@functools.lru_cache(maxsize=None, typed=True)
def typed(x):
    calls.append(("typed", x))
    return repr(x)
calls.clear()
print(typed(1), typed(1.0), typed(1), calls)
print(typed.cache_info().currsize, typed.cache_parameters())

@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits)

@functools.lru_cache
def kw(a, b=2):
    return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info().misses)
try:
    kw([1])
except TypeError as e:
    print(type(e).__name__, e)

def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
sq = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=5)
p2 = functools.partial(functools.partial(power, 2), mod=1000)
print(sq(5), cube_mod(4), p2(20), sq.func is power, sq.args, sq.keywords, p2.args, p2.keywords)
print(repr(functools.partial(max, 1, key=abs)).replace(repr(max), "max"))
try:
    functools.partial(5)
except TypeError as e:
    print(type(e).__name__, e)
class Cls:
    def method(self, a, b):
        return (a, b)
    pm = functools.partialmethod(method, "fixed")
print(Cls().pm("free"))

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10))
print(functools.reduce(lambda acc, s: acc + s.upper(), "abc", ">"))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)

@functools.singledispatch
def show(obj):
    return "object " + type(obj).__name__
@show.register
def _(obj: int):
    return "int %d" % obj
@show.register(list)
def _(obj):
    return "list of %d" % len(obj)
@show.register(str)
@show.register(bytes)
def _(obj):
    return "text " + repr(obj)
class MyInt(int):
    pass
print(show(1), show(True), show(MyInt(5)), show([1, 2]), show("s"), show(b"b"), show(2.5), show(None))
print(show.dispatch(bool).__name__, sorted(k.__name__ for k in show.registry))

class Meth:
    @functools.singledispatchmethod
    def handle(self, arg):
        return "default"
    @handle.register
    def _(self, arg: int):
        return "int method"
print(Meth().handle(1), Meth().handle("x"))

def decorator(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper
@decorator
def documented(x):
    """original doc"""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(3))
def plain():
    pass
plain.custom = "attr"
def other():
    pass
functools.update_wrapper(other, plain)
print(other.__name__, other.custom, other.__wrapped__ is plain)

@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 0), Version(2,), Version(1, 2, 1)]
print(sorted(vs), Version(1) <= Version(1), Version(2) > Version(1, 9), Version(1) >= Version(2))
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)

class Data:
    def __init__(self):
        self.computed = 0
    @functools.cached_property
    def expensive(self):
        self.computed += 1
        return [1, 2, 3]
d = Data()
print(d.expensive, d.expensive is d.expensive, d.computed, "expensive" in vars(d))
del d.expensive
print(d.expensive, d.computed, type(Data.expensive).__name__)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(cmp)), sorted("bca", key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
