import gc
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
print(gc.collect(), gc.collect(0), gc.collect(generation=1))
print(gc.get_threshold())
gc.set_threshold(500); print(gc.get_threshold())
gc.set_threshold(800, 20, 30); print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
st = gc.get_stats()
print(len(st), sorted(st[0]), all(isinstance(d['collections'], int) for d in st))
print(gc.garbage, gc.callbacks, gc.get_debug())
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_SAVEALL); print(gc.get_debug()); gc.set_debug(0)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
class A: pass
a = A()
print([gc.is_tracked(x) for x in (1, 'a', 1.5, None, [], {}, {'a': 1}, {'a': []}, {1: {}}, tuple([1, 2]), (), object(), a, A, len, set(), frozenset(), b'', range(3), 2**100, 1j, int, bytearray())])
print(gc.is_finalized(a), gc.is_finalized(3))
events = []
def cb(phase, info):
    events.append((phase, sorted(info.items())))
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(events)
inner = [1, 2]
lst = [inner, 'x', 3]
print(inner in gc.get_referents(lst), 'x' in gc.get_referents(lst), gc.get_referents(1, 'a', 2.5))
d = {'k': inner}
print(gc.get_referents(d) == [inner], sorted(map(repr, gc.get_referents({1: 'a', 'b': 2}))))
t = (inner, 'y')
print(sorted(map(repr, gc.get_referents(t))))
a.attr = inner
r = gc.get_referents(a)
print(inner in r, A in r)
def f():
    pass
print(f.__code__ in gc.get_referents(f), f.__globals__ in gc.get_referents(f))
holder = [inner]
refs = gc.get_referrers(inner)
print(any(x is holder for x in refs), any(x is lst for x in refs), any(x is t for x in refs))
objs = gc.get_objects()
print(any(x is holder for x in objs), any(x is inner for x in objs), len(objs) > 100)
gc.freeze(); print(gc.get_freeze_count() > 0); gc.unfreeze(); print(gc.get_freeze_count())
for bad in [lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect('x'), lambda: gc.set_threshold(),
            lambda: gc.set_threshold(1, 2, 3, 4), lambda: gc.set_threshold('a'), lambda: gc.is_tracked(),
            lambda: gc.is_finalized(1, 2), lambda: gc.get_objects(3), lambda: gc.set_debug(), lambda: gc.get_referents(x=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
