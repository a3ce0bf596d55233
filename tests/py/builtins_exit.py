# exit, quit and help as CPython's site module makes them.
import sys
print(repr(exit), str(quit))
print(repr(help))
print(type(exit).__name__, type(help).__name__, type(exit).__module__)
for f, args in ((exit, ()), (quit, (3,)), (exit, ("message",)), (quit, (None,))):
    try:
        f(*args)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError")
print(sys.stdin.closed)
exit(4)
print("not reached")
