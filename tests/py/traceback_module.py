import sys, traceback, io, os

HERE = os.path.dirname(os.path.abspath(__file__)) + "/"
_print = print
def print(*args):
    _print(*[a.replace(HERE, "") if isinstance(a, str) else a for a in args])

def inner(x):
    if x == 0:
        raise ZeroDivisionError("integer division or modulo by zero")
    return 10 // x

def middle(x):
    return inner(x) + 1

def outer():
    return middle(0)

try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text)
    print(text.count("File"), text.splitlines()[-1])

try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, fs.line, fs.filename.endswith("traceback_module.py"))
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1])
    print("".join(traceback.format_tb(tb, limit=1)))
    s = traceback.extract_tb(tb)
    print(len(s), s[-1].name, repr(s[-1]).replace(HERE, "")[:35])
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), list(te.format_exception_only()))

# chained exceptions
def chained():
    try:
        raise KeyError("missing")
    except KeyError as e:
        raise ValueError("converted") from e

try:
    chained()
except ValueError:
    out = traceback.format_exc()
    print(out)

try:
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        raise IndexError("list index out of range")
except IndexError:
    print(traceback.format_exc(limit=1))
    print(traceback.format_exc(chain=False))

# print_exc / print_exception to a file
buf = io.StringIO()
try:
    raise ValueError("invalid literal for int() with base 10: 'nope'")
except ValueError:
    traceback.print_exc(file=buf)
print(buf.getvalue())
buf = io.StringIO()
try:
    raise OSError(2, "No such file", "x.txt")
except OSError as e:
    traceback.print_exception(e, file=buf)
print(buf.getvalue())

# stack extraction
def show_stack():
    st = traceback.extract_stack()
    return [f.name for f in st][-3:]
def caller():
    return show_stack()
print(caller())
buf = io.StringIO()
def printer():
    traceback.print_stack(limit=2, file=buf)
printer()
print(buf.getvalue())
print("".join(traceback.format_list(traceback.extract_stack()[-1:])))

# SyntaxError formatting
try:
    compile("x = (1,\n", "<src>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(type(e), e)))
try:
    compile("a b", "<src>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))

# exceptions with notes and groups
try:
    e = RuntimeError("with note")
    e.add_note("a note")
    raise e
except RuntimeError as e:
    print(traceback.format_exception_only(e))

# the exception printed on stderr at exit
def last():
    raise LookupError("final")
last()
