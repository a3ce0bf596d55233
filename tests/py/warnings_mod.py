# warnings: warn with categories and stacklevel, catch_warnings(record=True),
# simplefilter/filterwarnings actions (error, ignore, always, once,
# default), formatwarning/showwarning output, warnings raised as errors.
import warnings

def emit(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    emit("plain")
    emit("deprecated", DeprecationWarning)
    warnings.warn("direct")
    warnings.warn(RuntimeWarning("instance message"))
    emit("levels", level=2)
for w in caught:
    print(w.category.__name__, str(w.message), type(w.message).__name__, w.lineno, w.filename.endswith(".py"))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    emit("ignored")
print(len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        emit("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        emit("repeated")
    emit("different")
print([str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("same place")
print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.filterwarnings("error", category=FutureWarning)
    emit("skip this one")
    emit("keep this one")
    try:
        emit("future", FutureWarning)
    except FutureWarning as e:
        print("FutureWarning raised:", e)
print([str(w.message) for w in caught])

print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 10)))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "f.py", 3, line="code()")))
for bad in [lambda: warnings.warn("x", 5), lambda: warnings.warn("x", int), lambda: warnings.simplefilter("bogus"),
            lambda: warnings.filterwarnings("ignore", category=5)]:
    try:
        bad()
    except (TypeError, ValueError, AssertionError) as e:
        print(type(e).__name__, e)

class Custom(UserWarning):
    pass
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("custom", Custom)
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
print([(w.category.__name__, w.filename, w.lineno) for w in caught][1:], caught[0].category.__name__)
print(issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception), UserWarning.__mro__[1].__name__)
import sys, io
old = sys.stderr
sys.stderr = io.StringIO()
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("to stderr")
out = sys.stderr.getvalue()
sys.stderr = old
print(out.split(": ", 1)[1].strip())
