import os
import sys

import cli_spec_pkg

print(__name__, __spec__.name, os.path.basename(__spec__.origin), __spec__.parent, __package__)
print(type(__spec__.loader).__name__, __spec__.loader is __loader__, __spec__.origin == __file__)
print(os.path.relpath(sys.argv[0]), sys.argv[1:], cli_spec_pkg.INIT)
print("cli_spec_pkg.__main__" in sys.modules, sys.modules["__main__"].__spec__ is __spec__)
