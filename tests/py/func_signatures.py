# Calls and signatures: positional-only and keyword-only parameters,
# defaults (evaluated once), *args/**kwargs, unpacking at call sites,
# and every TypeError message for bad calls (missing, unexpected,
# multiple values, too many positionals) for functions, methods, lambdas.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, kw)
print(f(1, 2, 3, e=5), f(1, 2, c=3, e=5), f(1, 2, 3, 4, 5, 6, e=7, g=8), f(*[1, 2, 3], **{"e": 0, "z": 1}))
calls = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=5),
    lambda: f(1, 2, 3, c=4, e=5),
    lambda: f(1, 2, 3, e=5, e2=1, **{"e": 1}),
    lambda: f(1, 2, 3, 4, e=1, d=5),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print(type(e).__name__, e)

def simple(x, y=1):
    return x, y
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 1}), ((1,), {"x": 2}), ((), {"y": 2})]:
    try:
        print(simple(*args, **kwargs))
    except TypeError as e:
        print(type(e).__name__, e)
def kwonly(*, a, b=2):
    return a, b
def noargs():
    return "none"
for c in [lambda: kwonly(1), lambda: kwonly(), lambda: kwonly(a=1, c=3), lambda: noargs(1), lambda: noargs(x=1),
          lambda: kwonly(1, 2, a=3)]:
    try:
        print(c())
    except TypeError as e:
        print(type(e).__name__, e)
def many(a, b, c, *, d, e):
    pass
try:
    many()
except TypeError as e:
    print(type(e).__name__, e)
try:
    many(1, d=1)
except TypeError as e:
    print(type(e).__name__, e)

class K:
    def meth(self, x):
        return x
    @classmethod
    def cm(cls, x):
        return x
    @staticmethod
    def sm(x):
        return x
k = K()
for c in [lambda: k.meth(), lambda: k.meth(1, 2), lambda: K.meth(1), lambda: K.cm(), lambda: K.sm(1, 2), lambda: k.meth(y=1),
          lambda: K(1), lambda: (lambda q: q)(), lambda: (lambda *, q: q)(1)]:
    try:
        print(c())
    except TypeError as e:
        print(type(e).__name__, e)

def default_once(item, acc=[]):
    acc.append(item)
    return acc
print(default_once(1), default_once(2), default_once.__defaults__)
def kwdefaults(*, a=[]):
    a.append(1)
    return a
kwdefaults(); kwdefaults()
print(kwdefaults.__kwdefaults__)
def star_only(*args, **kwargs):
    return args, kwargs
print(star_only(), star_only(1, *[2, 3], *(), x=1, **{"y": 2}, **{}), star_only(*"ab", **dict(c=3)))
for bad in [lambda: star_only(*5), lambda: star_only(**[1]), lambda: star_only(**{1: 2}), lambda: star_only(**{"a": 1}, a=2),
            lambda: star_only(**{"a": 1}, **{"a": 2})]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
def annotated(a: int, *b: str, c: "kw" = 1, **d: float) -> None:
    pass
print(annotated.__annotations__, annotated.__code__.co_argcount, annotated.__code__.co_kwonlyargcount,
      annotated.__code__.co_posonlyargcount, annotated.__code__.co_varnames)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__defaults__, f.__kwdefaults__)
import inspect
print(inspect.signature(f), inspect.signature(kwonly), inspect.signature(lambda x, *y, z=1: 0))
one, none, text = 1, None, "abc"
try:
    one(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    none()
except TypeError as e:
    print(type(e).__name__, e)
try:
    text()
except TypeError as e:
    print(type(e).__name__, e)
