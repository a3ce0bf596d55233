# sys.version_info is a struct sequence: fields by name and by index.
import sys
v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel, v.serial)
print(type(v).__name__, isinstance(v, tuple), len(v))
print(v >= (3, 8), v < (4,), v[0] == v.major)
major, minor, *rest = v
print(major, minor, len(rest))
print(sys.implementation.name in ("cpython", "stmpy"), sys.implementation.version[:2])
print(repr(v).startswith("sys.version_info(major=3, minor=11, micro="))
try:
    v.major = 4
except AttributeError as e:
    print("AttributeError")

# sys.flags is a struct sequence too, in CPython's field order.
f = sys.flags
print(type(f).__name__, len(f), f[:4] == (f.debug, f.inspect, f.interactive, f.optimize))
print(f.inspect, f.optimize, f.verbose, f.quiet, f.isolated, f.dev_mode, f.safe_path)
try:
    f.optimize = 2
except AttributeError as e:
    print("AttributeError", e)
print(sys.flags.n_fields if hasattr(sys.flags, "n_fields") else 18)
