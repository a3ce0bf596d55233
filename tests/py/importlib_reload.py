# importlib.reload of a module written to a temporary directory, and
# modules whose source changes between imports.
import importlib, importlib.util, os, sys, tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
path = os.path.join(d, "reload_me.py")

def write(text):
    with open(path, "w") as f:
        f.write(text)
    # The file's mtime can stay the same within one second: importlib
    # compares it, stmpy always re-reads the source.
    st = os.stat(path)
    os.utime(path, (st.st_atime + 10, st.st_mtime + 10))

write("X = 1\ncount = globals().get('count', 0) + 1\ndef f():\n    return 'one'\n")
import reload_me
print(reload_me.X, reload_me.count, reload_me.f())
old_f = reload_me.f
write("X = 2\ncount = globals().get('count', 0) + 1\ndef f():\n    return 'two'\nY = 'new'\n")
r = importlib.reload(reload_me)
print(r is reload_me, reload_me.X, reload_me.count, reload_me.f(), reload_me.Y, old_f())
print(os.path.basename(reload_me.__spec__.origin), reload_me.__spec__.name)

# A package in the temporary directory, imported through importlib.
os.mkdir(os.path.join(d, "tpkg"))
with open(os.path.join(d, "tpkg", "__init__.py"), "w") as f:
    f.write("from .inner import value\n")
with open(os.path.join(d, "tpkg", "inner.py"), "w") as f:
    f.write("value = 42\n")
importlib.invalidate_caches()
tpkg = importlib.import_module("tpkg")
print(tpkg.value, tpkg.inner.__name__, "tpkg.inner" in sys.modules)
print(importlib.reload(tpkg.inner).value)

# A syntax error on reload leaves the module as it was.
write("X = (\n")
try:
    importlib.reload(reload_me)
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
print(reload_me.X)

# Errors of reload().
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)
m = type(sys)("not_in_modules")
try:
    importlib.reload(m)
except ImportError as e:
    print("ImportError:", e)
del sys.modules["reload_me"]
try:
    importlib.reload(reload_me)
except ImportError as e:
    print("ImportError:", e)

# spec_from_file_location + module_from_spec + exec_module, the recipe
# for importing a file by path.
p2 = os.path.join(d, "by_path.py")
with open(p2, "w") as f:
    f.write("def hello():\n    return 'hello from ' + __name__\n")
spec = importlib.util.spec_from_file_location("by_path_mod", p2)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.hello(), "by_path_mod" in sys.modules, mod.__file__ == p2)

import shutil
shutil.rmtree(d)
