# atexit calls run last, in reverse order; output still buffered is flushed.
import atexit, sys

def bye(name, punct="!"):
    print("bye", name + punct)

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
def gone():
    print("never")
atexit.register(gone)
atexit.unregister(gone)

@atexit.register
def last():
    print("registered last, runs first")
    sys.stdout.write("no newline at the end")

print("main done")
