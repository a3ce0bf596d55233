# A script's compile-time warnings under the default filters: SyntaxWarnings
# are printed (FILE:LINE: SyntaxWarning: message, then the source line);
# DeprecationWarnings for invalid escapes only for code in __main__, and
# a file's code is in the module named after the file, so not these.
import sys

pattern = "\d+"
x = len(pattern)
if x is 3:
    print("three")
assert (x, "always true")
print(x is not 4, len(b"\q"))
code = compile("y = 1\nif y is 1: pass\n", "inner.py", "exec")
exec(compile("z = 0 if 1 is 2 else 1", "<string>", "exec"))
print(sys.warnoptions, z)
