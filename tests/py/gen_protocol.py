# Generators in depth: send/throw/close, return values through StopIteration
# and yield from, gi_running/gi_frame/gi_suspended state, generator
# exit handling, errors such as sending to a just-started generator.

def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
            except ValueError as e:
                received.append("VE:" + str(e))
                continue
            if x is None:
                break
            received.append(x)
    finally:
        received.append("finally")
        print("echo finished", received)
    return "done:%d" % len(received)

g = echo()
print(g.gi_frame is not None, g.gi_running, g.gi_suspended if hasattr(g, "gi_suspended") else "n/a")
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g), g.send("a"), g.send("b"), g.throw(ValueError("bad")), g.send("c"))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
print(g.gi_frame, next(g, "exhausted"))

def counter():
    i = 0
    while True:
        try:
            yield i
        except GeneratorExit:
            print("GeneratorExit at", i)
            raise
        i += 1
c = counter()
print(next(c), next(c))
c.close()
c.close()
print(next(c, "closed"))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())

def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError("before start"))
except KeyError as e:
    print("thrown into fresh generator:", type(e).__name__, e)
print(next(t, "finished after throw"))
t2 = thrower()
try:
    t2.throw(TypeError)
except TypeError as e:
    print("class thrown", type(e).__name__, e.args)

def inner():
    x = yield "inner1"
    print("inner got", x)
    y = yield "inner2"
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer tail"
    return "outer result"
o = outer()
print(next(o), o.send("A"), o.send("B"))
try:
    next(o)
except StopIteration as e:
    print("outer StopIteration", e.value)

def delegating_throw():
    try:
        yield from inner()
    except ZeroDivisionError as e:
        yield "caught in outer: " + repr(e)
d = delegating_throw()
next(d)
print(d.throw(ZeroDivisionError("zd")))

def yield_from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    r = yield from (x * 10 for x in range(2))
    yield r
print(list(yield_from_iterables()))

def running_check():
    yield gen.gi_running
gen = running_check()
print(next(gen))

def self_next():
    yield next(sg)
sg = self_next()
try:
    next(sg)
except ValueError as e:
    print(type(e).__name__, e)

def stopiter_inside():
    yield 1
    raise StopIteration("inside")
try:
    list(stopiter_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

gexpr = (i * i for i in range(3))
print(type(gexpr).__name__, gexpr.__name__, list(gexpr), list(gexpr))
def named():
    yield
print(named.__name__, named().__name__, named().__qualname__)
import inspect
gs = named()
print(inspect.getgeneratorstate(gs))
next(gs)
print(inspect.getgeneratorstate(gs))
next(gs, None)
print(inspect.getgeneratorstate(gs))
