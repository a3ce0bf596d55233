def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 7, "z": 1}))
def g(a, /, b, *, c):
    return a, b, c
print(g(1, 2, c=3), g(1, b=2, c=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, 2, x=3), h(*range(3), **dict(a=1)))
def dflt(x=[]):
    x.append(1)
    return x
print(dflt(), dflt(), dflt([0]))
print(f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount, g.__code__.co_posonlyargcount, g.__code__.co_kwonlyargcount)
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
