# generator.throw(type, value, tb) throws that very value, whose
# traceback goes on growing: contextlib's context managers keep the
# frames under the `with` block.
import contextlib, traceback

def frames(tb):
    out = []
    while tb:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

@contextlib.contextmanager
def cm():
    try:
        yield
    except ValueError as e:
        print("in cm:", frames(e.__traceback__))
        raise

def f():
    raise ValueError("x")

def g():
    with cm():
        f()

try:
    g()
except ValueError as e:
    print("outside:", frames(e.__traceback__))

def gen():
    yield 1

def h():
    try:
        f()
    except ValueError as e:
        it = gen()
        next(it)
        try:
            it.throw(type(e), e, e.__traceback__)
        except ValueError as e2:
            print(e2 is e, frames(e2.__traceback__))
h()

it = gen(); next(it)
try:
    it.throw(ValueError, "text")
except ValueError as e:
    print(repr(e))
it = gen(); next(it)
try:
    it.throw(KeyError, ("a", "b"))
except KeyError as e:
    print(repr(e))
it = gen(); next(it)
for args in ((ValueError("v"), "extra"), (ValueError, None, 42), (42,)):
    try:
        it.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
lines = traceback.format_exception(*(lambda: (lambda e: (type(e), e, e.__traceback__))(
    next(x for x in [None]) or ValueError("q")))())
print(lines[-1], end="")
