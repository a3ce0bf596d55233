# The _imp module: what importlib's bootstrap asks of the interpreter.
import _imp, sys

print(_imp.is_builtin("_thread"), _imp.is_builtin("sys"), _imp.is_builtin("builtins"),
      _imp.is_builtin("json"), _imp.is_builtin("no_such_module"))
print(_imp.is_frozen("zzz"), _imp.find_frozen("zzz"), _imp.init_frozen("zzz"))
print(_imp.extension_suffixes() == [] or "so" in _imp.extension_suffixes()[-1])
print(_imp.check_hash_based_pycs)
print(_imp.source_hash(3495, b"print('hi')\n").hex())
print(_imp.source_hash(0, b"").hex(), _imp.source_hash(12345, b"x" * 100).hex())
print(_imp.source_hash(-1, bytearray(b"abc")).hex(), _imp.source_hash(key=7, source=b"k").hex())

print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError:", e)

for f, args in ((_imp.is_frozen_package, ("zzz",)), (_imp.get_frozen_object, ("zzz",))):
    try:
        f(*args)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
for bad in ((_imp.is_builtin, (1,)), (_imp.source_hash, (1, "str")), (_imp.is_frozen, ())):
    try:
        bad[0](*bad[1])
    except TypeError as e:
        print("TypeError")

import time
m = _imp.create_builtin(type("Spec", (), {"name": "time"})())
print(m.__name__, callable(m.sleep))
print(_imp.create_builtin(type("Spec", (), {"name": "not_builtin"})()))
print(_imp.exec_builtin(m))

code = compile("def h(): pass\n", "old.py", "exec")
_imp._fix_co_filename(code, "new.py")
ns = {}
exec(code, ns)
print(code.co_filename, ns["h"].__code__.co_filename)
