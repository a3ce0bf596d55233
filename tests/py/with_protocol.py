# The with statement: __enter__/__exit__ order, exception arguments,
# suppression by a true return, multiple managers, exits on return/break,
# errors for objects that are not context managers, and contextlib helpers.
import contextlib

class CM:
    def __init__(self, name, suppress=False, log=None):
        self.name = name
        self.suppress = suppress
        self.log = log if log is not None else []
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        self.log.append("exit %s %s %s %s" % (self.name, et.__name__ if et else None, ev,
                                              type(tb).__name__))
        return self.suppress

log = []
with CM("a", log=log) as x, CM("b", log=log) as y:
    log.append("body %s %s" % (x, y))
print(log)

log = []
try:
    with CM("outer", log=log), CM("inner", suppress=True, log=log):
        raise ValueError("boom")
    log.append("after with")
except ValueError:
    log.append("escaped")
print(log)

log = []
try:
    with CM("a", log=log), CM("b", log=log):
        raise KeyError("k")
except KeyError as e:
    log.append("caught " + repr(e))
print(log)

def early_return():
    log = []
    with CM("r", log=log):
        return log
print(early_return())

log = []
for i in range(3):
    with CM("loop%d" % i, log=log):
        if i == 1:
            break
print(log)

class Bad:
    pass
class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        pass
for obj in (Bad(), OnlyEnter(), OnlyExit(), 5, None):
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

class EnterRaises:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with EnterRaises():
        print("body should not run")
except OSError as e:
    print(type(e).__name__, e)

class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "yes"
with Truthy():
    raise IndexError("suppressed by truthy string")
print("after truthy")

# Targets can be any assignment target.
d = {}
with CM("t") as d["key"]:
    pass
class Obj:
    pass
o = Obj()
with CM("u") as o.attr:
    pass
with CM("v") as (first, *rest):
    pass
print(d, o.attr, first, rest)

@contextlib.contextmanager
def tag(name, log):
    log.append("<%s>" % name)
    try:
        yield name
    except ZeroDivisionError:
        log.append("handled zde in " + name)
    finally:
        log.append("</%s>" % name)
log = []
with tag("p", log) as n:
    with tag("b", log):
        log.append("text in " + n)
with tag("div", log):
    1 / 0
print(log)

@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)

with contextlib.suppress(KeyError, IndexError):
    {}["missing"]
print("suppress ok")
with contextlib.nullcontext("value") as v:
    print(v)
class Closeable:
    def close(self):
        print("closed")
with contextlib.closing(Closeable()):
    print("using closeable")
