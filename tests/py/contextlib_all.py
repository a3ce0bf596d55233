# contextlib: ExitStack (callbacks, enter_context, pop_all, exception
# passing and suppression, LIFO order), suppress, redirect_stdout/stderr,
# closing, nullcontext, contextmanager-based helpers reused as decorators.
import contextlib
import io
import sys

log = []
with contextlib.ExitStack() as stack:
    stack.callback(log.append, "first registered")
    stack.callback(lambda: log.append("second registered"))
    f = stack.enter_context(contextlib.nullcontext("resource"))
    log.append("body " + f)
print(log)

class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else None))
        return self.name == "suppressor"
log = []
with contextlib.ExitStack() as stack:
    for n in ("a", "suppressor", "c"):
        stack.enter_context(Res(n))
    raise ValueError("swallowed by suppressor")
print(log)

log = []
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res("x"))
        @stack.push
        def exit_fn(et, ev, tb):
            log.append("push saw " + (et.__name__ if et else "nothing"))
            return False
        raise KeyError("k")
except KeyError as e:
    log.append("escaped " + repr(e))
print(log)

log = []
with contextlib.ExitStack() as outer:
    inner_stack = contextlib.ExitStack()
    inner_stack.enter_context(Res("moved"))
    saved = inner_stack.pop_all()
log.append("after outer")
saved.close()
print(log)

def failing_cb():
    raise RuntimeError("callback failed")
try:
    with contextlib.ExitStack() as st:
        st.callback(failing_cb)
        st.callback(lambda: log.append("runs before failing one"))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    contextlib.ExitStack().enter_context(5)
except TypeError as e:
    print(type(e).__name__, e)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
with contextlib.suppress():
    pass
try:
    with contextlib.suppress(KeyError):
        raise IndexError("not suppressed")
except IndexError as e:
    print(type(e).__name__, e)
with contextlib.suppress(LookupError):
    [][0]
print("suppress subclass ok")

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("into buffer")
    sys.stdout.write("direct write\n")
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    print("to stderr", file=sys.stderr)
print(repr(ebuf.getvalue()), sys.stdout is sys.__stdout__)
with contextlib.redirect_stdout(io.StringIO()) as target:
    print("x")
print(repr(target.getvalue()))

@contextlib.contextmanager
def timer_like(label):
    log.append("start " + label)
    yield label
    log.append("end " + label)
log = []
@timer_like("decorated")
def work():
    log.append("working")
work()
work()
print(log)

@contextlib.contextmanager
def transform():
    try:
        yield
    except ValueError as e:
        raise TypeError("converted " + str(e)) from e
try:
    with transform():
        raise ValueError("orig")
except TypeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

class Thing:
    closed = False
    def close(self):
        self.closed = True
t = Thing()
with contextlib.closing(t) as same:
    print(same is t, t.closed)
print(t.closed)
with contextlib.nullcontext() as n:
    print(n)
class Reusable(contextlib.ContextDecorator):
    def __enter__(self):
        log.append("cd enter")
        return self
    def __exit__(self, *exc):
        log.append("cd exit")
        return False
log = []
@Reusable()
def decorated_fn(x):
    log.append("fn %d" % x)
    return x * 2
print(decorated_fn(4), log)
class AbstractCM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        return None
with AbstractCM() as acm:
    print(type(acm).__name__)
print(isinstance(contextlib.nullcontext(), contextlib.AbstractContextManager))
