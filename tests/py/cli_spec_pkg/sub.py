import os
import sys

print(__name__, __spec__.name, os.path.basename(__spec__.origin), __spec__.parent, __package__)
print(os.path.relpath(sys.argv[0]), sys.argv[1:], "cli_spec_pkg" in sys.modules)
