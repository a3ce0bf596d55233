# PEP 420 namespace packages through the import statement: directories
# without __init__.py, spanning several sys.path entries.
import importlib
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path[1:1] = [os.path.join(here, "ns_portions", "a"), os.path.join(here, "ns_portions", "b")]


def rel(p):
    return os.path.relpath(p, here)


import nsdemo

print(type(nsdemo.__path__).__name__, [rel(p) for p in nsdemo.__path__])
print(nsdemo.__spec__.name, nsdemo.__spec__.origin, nsdemo.__spec__.loader is nsdemo.__loader__)
print(type(nsdemo.__loader__).__name__, nsdemo.__spec__.submodule_search_locations is nsdemo.__path__)
print(hasattr(nsdemo, "__file__"), nsdemo.__file__, nsdemo.__package__)

import nsdemo.mod_a
import nsdemo.mod_b

print(nsdemo.mod_a.X, nsdemo.mod_b.X, nsdemo.mod_a.__package__, rel(nsdemo.mod_b.__file__))
from nsdemo.inner import deep

print(deep.Y, deep.__package__, type(sys.modules["nsdemo.inner"].__path__).__name__)
from nsdemo import regular

print(regular.KIND, rel(regular.__file__))
import shadowed

print(shadowed.KIND, rel(shadowed.__file__))
import ns_flat.leaf

print(ns_flat.leaf.Z, [rel(p) for p in ns_flat.__path__])

spec = importlib.util.find_spec("nsdemo")
print(spec.origin, spec.submodule_search_locations is nsdemo.__path__)
spec = importlib.util.find_spec("nsdemo.inner")
print(spec.name, spec.origin, [rel(p) for p in spec.submodule_search_locations])
print(importlib.import_module("nsdemo.mod_b") is nsdemo.mod_b)
try:
    import nsdemo.missing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_thing_here
except ImportError as e:
    print(type(e).__name__, e)
