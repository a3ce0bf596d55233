try:
    raise StopIteration(7)
except StopIteration as e:
    print(e.value, e.args)
try:
    raise SystemExit(2)
except SystemExit as e:
    print(e.code)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(e, e.args)
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), type(e).__name__)
print(type(OSError(2, "x")).__name__, isinstance(FileNotFoundError(), OSError))
e = ImportError("msg", name="mod", path="p")
print(e.name, e.path, e.msg)
try:
    [].x
except AttributeError as e:
    print(e, e.name, e.obj)
try:
    undefined_thing
except NameError as e:
    print(e, e.name)
e = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(e, e.start, e.end, e.reason, e.encoding)
x = Exception(1)
x.custom = "attr"
print(x.custom, x.__dict__)
print(SyntaxError("m", ("f.py", 1, 2, "txt", 1, 3)).lineno)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(42)
except MyErr as e:
    print(e, e.code, e.args)
