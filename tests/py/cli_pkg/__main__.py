import os
import sys

print(__name__, __package__, os.path.basename(os.path.dirname(__file__)), os.path.basename(__file__))
print(os.path.basename(sys.argv[0]), sys.argv[1:])
print("cli_pkg" in sys.modules, "cli_pkg.__main__" in sys.modules)
