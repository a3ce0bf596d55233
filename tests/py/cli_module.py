# Run as `-m cli_module a -b` (cli_module.args): runpy's semantics.
import os
import sys

print(__name__, __package__ == "", os.path.basename(__file__))
print(os.path.basename(sys.argv[0]), sys.argv[1:])
print(sys.path[0] == os.getcwd())
print(sys.modules["__main__"] is sys.modules[__name__])
