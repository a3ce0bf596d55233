# Built-in exception classes: hierarchy, constructor arguments and
# attributes (args, errno/strerror/filename, KeyError str, UnicodeError
# fields, SyntaxError fields, StopIteration.value, SystemExit.code,
# ImportError name/path, AttributeError/NameError name), repr and str.
import builtins
names = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__base__.__name__)
e = OSError(2, "No such file", "a.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, str(e), e.args)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__, type(OSError(99999, "x")).__name__, OSError("just msg").errno)
print(str(OSError(1, "a", "f", None, "g")), IOError is OSError, EnvironmentError is OSError, FileNotFoundError(2, "x").errno)
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), repr(KeyError("k")), str(IndexError("i")), str(LookupError()))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
ue = UnicodeEncodeError("ascii", "aé", 1, 2, "ordinal not in range(128)")
print(str(ue), ue.object)
try:
    UnicodeDecodeError("x")
except TypeError as err:
    print(type(err).__name__, err)
s = SyntaxError("bad syntax", ("file.py", 3, 5, "x = = 1\n", 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, str(s), s.args[0])
print(str(SyntaxError("only msg")), SyntaxError().msg, IndentationError.__mro__[1].__name__, TabError.__base__.__name__)
si = StopIteration(5, 6)
print(si.value, si.args, StopIteration().value, StopAsyncIteration(1).args)
print(SystemExit().code, SystemExit(3).code, SystemExit("msg").code, SystemExit(1, 2).code, KeyboardInterrupt.__base__.__name__)
ie = ImportError("cannot import", name="mod", path="/x/mod.py")
print(ie.name, ie.path, ie.msg, str(ie), ModuleNotFoundError("m", name="m").name)
try:
    ImportError("x", bogus=1)
except TypeError as err:
    print(type(err).__name__, err)
ae = AttributeError("msg", name="attr", obj=5)
print(ae.name, ae.obj, str(ae), NameError("n", name="var").name)
try:
    (5).missing
except AttributeError as err:
    print(err.name, err.obj, str(err))
try:
    undefined_variable_here
except NameError as err:
    print(err.name, str(err))
print(repr(ValueError()), repr(ValueError("a")), repr(ValueError("a", 1)), str(ValueError("a", 1)), str(ValueError()), str(ValueError(5)))
e2 = Exception("one", "two")
e2.args = ("changed",)
print(e2, e2.args, repr(e2), bool(Exception()), Exception("x") == Exception("x"))
class MyErr(ValueError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
me = MyErr(7)
print(me, me.code, me.args, repr(me), isinstance(me, (KeyError, ValueError)), MyErr.__mro__[-3].__name__)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args, str(NoSuper(1, 2)), repr(NoSuper(1, 2)))
print([c.__name__ for c in ValueError.__subclasses__() if c.__module__ == "__main__"])
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError),
      issubclass(NotImplementedError, RuntimeError), issubclass(UnicodeError, ValueError), issubclass(ModuleNotFoundError, ImportError),
      issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError), issubclass(EncodingWarning, Warning))
e3 = ValueError("with tb")
print(e3.__traceback__, e3.with_traceback(None) is e3, e3.__cause__, e3.__context__, e3.__suppress_context__, e3.__notes__ if hasattr(e3, "__notes__") else "no notes")
e3.add_note("n1")
print(e3.__notes__)
try:
    e3.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
