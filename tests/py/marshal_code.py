# marshal of code objects: loads(dumps(code)) runs (stmpy writes a format
# of its own), through dump/load, py_compile and compileall writing .pyc
# files, and importlib's SourcelessFileLoader reading them back.
import compileall
import importlib.machinery
import importlib.util
import io
import marshal
import os
import py_compile
import shutil
import tempfile
import types

print(marshal.version)
SRC = '''
def f(a, b=2, *args, c, **kw):
    x = [i * a for i in range(b)]
    def g():
        return x, c, kw
    try:
        1 / 0
    except ZeroDivisionError as e:
        x.append(type(e).__name__)
    return g()
class K:
    "doc"
    def m(self, *, key=1):
        return key + 1
async def co():
    return 5
def gen():
    yield from range(3)
print(f(3, c="c", z=1), K().m(key=5), K.__doc__, list(gen()), BIG, 1.5j, b"\\x00")
try:
    co().send(None)
except StopIteration as e:
    print("coroutine", e.value)
print(__name__)
'''
code = compile(SRC, "mod.py", "exec")
back = marshal.loads(marshal.dumps(code))
print(type(back).__name__, back.co_name, back.co_filename, back.co_firstlineno)
exec(back, {"__name__": "loaded", "BIG": 2 ** 100})
fns = [c for c in back.co_consts if isinstance(c, types.CodeType)]
print([c.co_name for c in fns], fns[0].co_varnames, fns[0].co_argcount, fns[0].co_kwonlyargcount)
f = types.FunctionType(fns[0], {})
print(f(1, 2, c=2))
print(marshal.loads(marshal.dumps((code, 1, "x")))[1:])


def h(x, *, y):
    return x + y


h2 = types.FunctionType(marshal.loads(marshal.dumps(h.__code__)), globals())
print(h2(1, y=2), h2.__code__.co_name, h2.__code__.co_varnames)
try:
    h2(1, z=2)
except TypeError as e:
    print(e)
buf = io.BytesIO()
marshal.dump(code, buf)
buf.seek(0)
exec(marshal.load(buf), {"__name__": "from a file", "BIG": -1})

d = tempfile.mkdtemp()
try:
    src = os.path.join(d, "pcmod.py")
    with open(src, "w") as fh:
        fh.write("VALUE = [n * n for n in range(4)]\ndef twice(x):\n    return 2 * x\n")
    cfile = os.path.join(d, "pcmod_compiled.pyc")
    print(py_compile.compile(src, cfile=cfile, doraise=True) == cfile)
    loader = importlib.machinery.SourcelessFileLoader("pcmod", cfile)
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader("pcmod", loader))
    loader.exec_module(mod)
    print(mod.VALUE, mod.twice(21))
    print(compileall.compile_file(src, quiet=1, legacy=True), sorted(os.listdir(d)))
    legacy = importlib.machinery.SourcelessFileLoader("pcmod", os.path.join(d, "pcmod.pyc"))
    print(legacy.get_code("pcmod").co_filename == src)
    code2 = importlib.machinery.SourceFileLoader("pcmod2", src).get_code("pcmod2")
    print(type(code2).__name__, code2.co_filename == src)
finally:
    shutil.rmtree(d)
