import os
import sys

import cli_ns_pkg

print(__name__, __spec__.name, os.path.basename(__spec__.origin), __spec__.parent, __package__)
print(type(cli_ns_pkg.__path__).__name__, cli_ns_pkg.__spec__.origin, cli_ns_pkg.__file__)
print(os.path.relpath(sys.argv[0]), sys.argv[1:])
