# -W always::DeprecationWarning: the invalid escapes of the script are shown,
# each string token's first one, and the program runs on.
import warnings

a = "\d" "\w\s"
b = b"\%"
c = f"\.{a}"
print(a, b, c)
try:
    compile('"\\z"', "e.py", "exec")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile('"\\z"', "e.py", "exec")
except SyntaxError as e:
    print(e)
