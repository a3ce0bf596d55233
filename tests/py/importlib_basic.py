# importlib on stmpy: import_module, find_spec, specs of modules loaded by
# the import statement, the machinery's finders.
import importlib, importlib.util, importlib.machinery, sys, os

json = importlib.import_module("json")
print(json.dumps({"a": 1}), json is sys.modules["json"])
print(importlib.import_module("json.decoder").__name__)
print(importlib.import_module(".sub", "imp_pkg").answer())
print(importlib.import_module("..sub", "imp_pkg.sub").__name__)

spec = importlib.util.find_spec("textwrap")
print(spec.name, os.path.basename(spec.origin), type(spec.loader).__name__,
      spec.submodule_search_locations, spec.has_location, spec.parent)
spec = importlib.util.find_spec("email")
print(spec.name, os.path.basename(spec.origin), [os.path.basename(p) for p in spec.submodule_search_locations])
print(importlib.util.find_spec("no_such_module_x"))
spec = importlib.util.find_spec("_thread")
print(spec.name, spec.origin, spec.loader.__name__)
print(importlib.util.find_spec("imp_pkg.sub").parent)
print(importlib.util.resolve_name(".x", "a.b"), importlib.util.resolve_name("..x", "a.b"))

# Modules loaded by the import statement carry importlib's spec and loader.
import colorsys
import imp_pkg.sub
for m in (colorsys, imp_pkg, imp_pkg.sub, json, importlib):
    s = m.__spec__
    print(m.__name__, s.name, type(m.__loader__).__name__, s.loader is m.__loader__,
          os.path.basename(s.origin), s.parent == m.__package__)
print(imp_pkg.__spec__.submodule_search_locations == [os.path.dirname(imp_pkg.__spec__.origin)])
print(sys.modules["sys"].__spec__.origin, sys.__loader__.__name__)
print([f.__name__ for f in sys.meta_path if hasattr(f, "__name__")])
print(isinstance(json.__loader__, importlib.machinery.SourceFileLoader))
print(callable(sys.path_hooks[-1]), importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(importlib.machinery.PathFinder.find_spec("colorsys").name)
src = colorsys.__loader__.get_source("colorsys")
print(src.splitlines()[0])
print(colorsys.__loader__.is_package("colorsys"), imp_pkg.__loader__.is_package("imp_pkg"))

for name in ("no_such_module_y", "json.nope", "os.path.zzz"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e, e.name)
for bad in ((".x", None), ("", None)):
    try:
        importlib.import_module(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    importlib.util.find_spec(".x")
except ImportError as e:
    print("ImportError:", e)
try:
    importlib.import_module("...x", "a.b")
except ImportError as e:
    print("ImportError:", e)

mod = importlib.util.module_from_spec(importlib.util.find_spec("colorsys"))
print(mod is colorsys, mod.__name__, hasattr(mod, "rgb_to_hsv"))
mod.__spec__.loader.exec_module(mod)
print(mod.rgb_to_hsv(1.0, 0.0, 0.0))
