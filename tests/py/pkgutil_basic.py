# pkgutil and linecache over importlib's loaders: modules of a package,
# data files, loaders of modules the import statement loaded.
import pkgutil, linecache, os, sys
import imp_pkg

print([(m.name, m.ispkg) for m in pkgutil.iter_modules(imp_pkg.__path__)])
print([m.name for m in pkgutil.walk_packages(imp_pkg.__path__, "imp_pkg.")])
print(sorted(m.name for m in pkgutil.iter_modules([os.path.dirname(os.__file__) + "/json"])))
print(pkgutil.get_data("imp_pkg", "sub.py").decode().splitlines()[0])
print(__import__("imp_pkg", fromlist=["sub"]).sub.answer(), __import__("os.path", fromlist=("join",)).__name__)
try:
    pkgutil.get_data("imp_pkg", "missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", os.path.basename(e.filename))
print(type(pkgutil.get_loader("imp_pkg.sub")).__name__, pkgutil.get_loader("no_such_mod_z"))
print(pkgutil.resolve_name("os.path:join")("a", "b"), pkgutil.resolve_name("imp_pkg.sub.answer")())
print(type(pkgutil.get_importer(os.path.dirname(imp_pkg.__file__))).__name__)
print(pkgutil.extend_path(["x"], "imp_pkg") == ["x"])

import imp_pkg.sub
line = linecache.getline(imp_pkg.sub.__file__, 1)
print(line.rstrip())
# A module whose file went away: linecache asks its __loader__.
src = linecache.getlines("imp_pkg/sub.py", imp_pkg.sub.__dict__)
print(len(src) > 0)
