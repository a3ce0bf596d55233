# Decorators: stacking order, decorators with arguments, class decorators,
# decorators returning non-callables, functools.wraps metadata, decorating
# methods/classmethods/staticmethods/properties, and arbitrary expressions
# as decorators (PEP 614).
import functools

log = []
def trace(name):
    def deco(fn):
        log.append("decorating %s with %s" % (fn.__name__, name))
        @functools.wraps(fn)
        def wrapper(*a, **k):
            log.append("enter " + name)
            try:
                return fn(*a, **k)
            finally:
                log.append("exit " + name)
        return wrapper
    return deco

@trace("outer")
@trace("inner")
def work(x):
    log.append("work %d" % x)
    return x * 2
print(work(21), work.__name__, work.__wrapped__.__name__, work.__wrapped__.__wrapped__.__name__)
print(log)

def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def f():
    return "f"
f(); f()
print(f.calls, f.__name__)

def register(registry):
    def deco(obj):
        registry[obj.__name__] = obj
        return obj
    return deco
REG = {}
@register(REG)
class Plugin:
    pass
@register(REG)
def helper():
    pass
print(sorted(REG))

def add_method(cls):
    cls.extra = lambda self: "added to " + type(self).__name__
    return cls
def frozen_repr(cls):
    cls.__repr__ = lambda self: "<%s frozen>" % cls.__name__
    return cls
@frozen_repr
@add_method
class Thing:
    pass
print(Thing().extra(), repr(Thing()))

def to_value(fn):
    return fn()
@to_value
def constant():
    return 42
print(constant, type(constant).__name__)

class Service:
    @trace("method")
    def run(self, v):
        return v + 1
    @classmethod
    @trace("classmethod")
    def build(cls):
        return cls.__name__
    @staticmethod
    @trace("staticmethod")
    def util():
        return "util"
    @property
    @trace("property")
    def value(self):
        return 7
log.clear()
s = Service()
print(s.run(1), Service.build(), Service.util(), s.value)
print(log)

decorators = {"upper": lambda fn: lambda: fn().upper()}
@decorators["upper"]
def shout():
    return "quiet"
print(shout())
@(lambda fn: fn)
def identity():
    return "identity"
print(identity())
@(trace("first") if True else None)
def conditional():
    return "cond"
print(conditional())
def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    """docstring kept"""
    return x
print(roll(4), roll.__doc__, roll.__qualname__)
def bad_decorator():
    pass
try:
    @bad_decorator
    def target():
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(functools.wraps(len)(lambda: 0).__name__)
