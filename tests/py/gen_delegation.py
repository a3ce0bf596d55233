class Sub:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration(self.i * 10)
        return self.i
    def throw(self, exc):
        print("Sub.throw", repr(exc))
        raise StopIteration("from throw")
    def close(self):
        print("Sub.close")
def outer():
    r = yield from Sub()
    print("outer got", r)
    yield "after"
g = outer()
print(next(g))
print(g.throw(ValueError("x")))
g2 = outer()
next(g2)
g2.close()
def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", e)
        return "inner done"
def mid():
    v = yield from inner()
    print("mid got", v)
    yield "mid after"
g3 = mid()
print(next(g3), g3.throw(KeyError("k")))
def sub_raises():
    yield 1
    raise RuntimeError("sub failed")
def wrap():
    try:
        yield from sub_raises()
    except RuntimeError as e:
        yield "wrapped " + str(e)
print(list(wrap()))
import sys
def exc_in_gen():
    try:
        raise ValueError("g")
    except ValueError:
        yield sys.exception()
        yield sys.exception()
it = exc_in_gen()
print(repr(next(it)), sys.exception(), repr(next(it)))
def g4():
    yield 1
x = g4()
print(x.gi_suspended, next(x), x.gi_suspended, x.gi_running, list(x), x.gi_frame)
try:
    g4().throw(TypeError, "typed")
except TypeError as e:
    print("TypeError", e)
