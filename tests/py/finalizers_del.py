# __del__ methods and weakref callbacks: they run once the object is found
# unreachable; gc.collect() runs those due before it returns.
import contextlib
import gc
import io
import re
import weakref

log = []

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("del " + self.name)

def flush(title):
    gc.collect()
    print(title, sorted(log))
    log.clear()

a = Noisy("a")
del a
flush("module level:")

def scope():
    Noisy("temp")
    b = Noisy("local")
scope()
flush("function locals:")

# __del__ before the weakref callback, and the callback gets the dead ref.
c = Noisy("c")
r = weakref.ref(c, lambda ref: log.append("callback " + str(ref is r and ref() is None)))
del c
gc.collect()
print("order:", log)
log.clear()

# A weakref that dies before its referent never calls back.
d = Noisy("d")
weakref.ref(d, lambda ref: log.append("never"))
gc.collect()
del d
flush("dead weakref:")

# Subclasses inherit __del__; a cycle of finalizable objects is collected.
class Sub(Noisy):
    pass
x, y = Sub("x"), Sub("y")
x.other, y.other = y, x
del x, y
flush("cycle:")

# A resurrected object is finalized only once (PEP 442).
saved = []
class Phoenix:
    def __del__(self):
        log.append("phoenix")
        saved.append(self)
Phoenix()
gc.collect()
saved.clear()
flush("resurrected once:")

# Weak containers empty themselves through callbacks.
class Key:
    pass
values = weakref.WeakValueDictionary()
keys = weakref.WeakKeyDictionary()
members = weakref.WeakSet()
objs = [Key() for i in range(6)]
for i, o in enumerate(objs):
    values[i] = o
    keys[o] = i
    members.add(o)
del objs[::2]
gc.collect()
print("weak containers:", sorted(values), sorted(keys.values()), len(members))
del objs
gc.collect()
print("emptied:", len(values), len(keys), len(members))

# weakref.finalize
f = weakref.finalize(Key(), log.append, "finalize ran")
gc.collect()
print("finalize:", log, f.alive, f())
log.clear()
k = Key()
f2 = weakref.finalize(k, log.append, "called early")
print("detach/call:", f2.alive, f2(), f2(), log, f2.alive)
log.clear()

# An exception in __del__ or a callback is reported, not raised.
class Broken:
    def __del__(self):
        raise ValueError("from __del__")
err = io.StringIO()
with contextlib.redirect_stderr(err):
    Broken()
    z = Key()
    weakref.ref(z, lambda ref: 1 / 0)
    r2 = weakref.ref(z, lambda ref: 1 / 0)
    del z
    gc.collect()
    print("still running")
for line in err.getvalue().splitlines():
    if not line.startswith("    "):
        line = re.sub(r'File ".*/', 'File "', line)
        print(re.sub(r"0x[0-9a-f]+", "ADDR", line))

# A class that gets __del__ after its creation finalizes new instances.
class Late:
    pass
Late.__del__ = lambda self: log.append("late")
Late()
flush("late __del__:")
