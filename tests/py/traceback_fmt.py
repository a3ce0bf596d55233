# traceback: format_exc/print_exc/format_exception/print_exception with
# chains, limit, format_exception_only for SyntaxError and plain errors,
# extract_tb/extract_stack/FrameSummary fields, TracebackException.
import traceback
import sys
import io
import re
import builtins

def print(*args, **kw):
    # CPython's __file__ is absolute, stmpy's as given: show the base name.
    args = [re.sub(r'"[^"]*traceback_fmt.py"', '"traceback_fmt.py"', a) if isinstance(a, str) else a
            for a in args]
    builtins.print(*args, **kw)

def level3():
    raise ValueError("deep problem")
def level2():
    level3()
def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("wrapped") from e

try:
    level1()
except RuntimeError:
    text = traceback.format_exc()
print(text)
try:
    level1()
except RuntimeError as e:
    exc = e
print("".join(traceback.format_exception(exc, limit=1)))
print("".join(traceback.format_exception(exc, chain=False)))
buf = io.StringIO()
traceback.print_exception(type(exc), exc, exc.__traceback__, file=buf, limit=-1)
print(buf.getvalue())
print(traceback.format_exception_only(ValueError, ValueError("only")))
print(traceback.format_exception_only(KeyError("k")), traceback.format_exception_only(Exception()))
try:
    compile("x = (1,\n  2 +", "<src>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(type(e), e)))
try:
    compile("a b c", "file.py", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))

tb = exc.__traceback__
frames = traceback.extract_tb(tb)
print(len(frames), [(f.name, f.line) for f in frames])
fs = frames[0]
print(fs.filename.endswith("traceback_fmt.py"), fs.lineno, fs.name, fs.line, type(fs).__name__)
cause_frames = traceback.extract_tb(exc.__cause__.__traceback__)
print([f.name for f in cause_frames])
def show_stack():
    return [f.name for f in traceback.extract_stack()][-3:]
def outer():
    return show_stack()
print(outer())
print(traceback.format_list([("f.py", 1, "fn", "code line")]))
te = traceback.TracebackException.from_exception(exc)
print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__, len(te.stack))
print("".join(te.format_exception_only()))
buf = io.StringIO()
try:
    {}["missing"]
except KeyError:
    traceback.print_exc(file=buf)
print(buf.getvalue())
e = ValueError("with note")
e.add_note("extra context")
print("".join(traceback.format_exception(e)))
try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2)])
except ExceptionGroup as g:
    print("".join(traceback.format_exception(g)))
print(traceback.format_exc() if sys.exc_info()[0] else "no exception: " + repr(traceback.format_exc()))
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("cannot str")
print(traceback.format_exception_only(Unprintable()))
