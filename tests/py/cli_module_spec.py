# Run as `-m cli_module_spec a b` (cli_module_spec.args): __main__ gets the
# module's spec, as runpy gives it, and sys.argv[0] is the full path.
import importlib.util
import os
import sys

spec = __spec__
print(__name__, spec.name, os.path.basename(spec.origin), repr(spec.parent), repr(__package__))
print(type(__loader__).__name__, spec.loader is __loader__, spec.has_location)
print(spec.submodule_search_locations, spec.origin == __file__)
print(os.path.isabs(sys.argv[0]), sys.argv[0] == os.path.join(os.getcwd(), "cli_module_spec.py"), sys.argv[1:])
print(sys.modules["__main__"] is sys.modules[__name__], "cli_module_spec" in sys.modules)
found = importlib.util.find_spec("cli_module_spec")
print(found.name, found.origin == spec.origin)
