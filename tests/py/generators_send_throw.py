def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("closing with", received)
        raise
g = echo()
print(g.send(None), g.send("a"), g.send("b"))
g.close()
g.close()
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
g = catcher()
next(g)
print(g.throw(ValueError("boom")))
print(g.throw(ValueError, "again"))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(next(g, "exhausted"))
def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print(e)
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def running():
    g.send(None)
    yield
def selfref():
    yield me.send(None)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
def stop_inside():
    raise StopIteration
    yield
try:
    next(stop_inside())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
g = fresh()
g.close()
print(next(g, "closed gen"), g.gi_frame)
