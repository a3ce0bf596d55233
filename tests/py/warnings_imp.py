# _warnings.warn (what importlib's bootstrap calls) goes through the
# warnings module's filters; frame.clear() as traceback.clear_frames uses it.
import _warnings, warnings, sys, traceback

def caller():
    _warnings.warn("from C", UserWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    _warnings.warn("plain")
    _warnings.warn("typed", DeprecationWarning)
    caller()
    _warnings.warn(message="kw", category=RuntimeWarning, stacklevel=1)
for x in w:
    print(x.category.__name__, x.message, x.lineno, x.filename.endswith("warnings_imp.py"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        _warnings.warn("now an error", ImportWarning)
    except ImportWarning as e:
        print("ImportWarning:", e)
try:
    _warnings.warn()
except TypeError:
    print("TypeError")

def fails():
    local = [1, 2, 3]
    raise KeyError("k")
try:
    fails()
except KeyError as e:
    tb = e.__traceback__
    inner = tb.tb_next.tb_frame
    print(sorted(inner.f_locals))
    traceback.clear_frames(tb)
    print(sorted(inner.f_locals))
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)
def g():
    yield sys._getframe()
    print("not reached")
it = g()
fr = next(it)
fr.clear()
print(next(it, "exhausted"))
