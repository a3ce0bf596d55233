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
