import sys
print(sys.version_info[0], sys.version_info >= (3, 8), sys.maxsize == 2 ** 63 - 1, sys.byteorder)
print(type(sys.argv).__name__, sys.argv[0].endswith("sys_module.py"), type(sys.path).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
print(sys.exc_info())
print(sys.implementation.name != "", isinstance(sys.modules, dict), sys.platform)
print(sys.intern("abc") == "abc", sys.flags.optimize if hasattr(sys.flags, "optimize") else 0)
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
