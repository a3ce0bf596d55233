# Exceptions nobody can catch are reported on sys.stderr as CPython's
# default sys.unraisablehook does: from a thread's outermost call (not
# SystemExit), from an atexit callback, from a __del__ method.
import _thread
import atexit
import re
import sys
import threading


class Bad:
    def __init__(self, exc):
        self.exc = exc

    def __repr__(self):
        return "<bad callback>"

    def __call__(self):
        raise self.exc


class Recorder:
    def __init__(self):
        self.text = ""
        self.flushed = threading.Event()

    def write(self, s):
        self.text += s
        return len(s)

    def flush(self):
        self.flushed.set()


saved = sys.stderr
rec = sys.stderr = Recorder()
_thread.start_new_thread(Bad(ValueError("in a thread")), ())
rec.flushed.wait(10)
sys.stderr = saved
print(re.sub(r'File ".*/', 'File "', rec.text), end="")

done = threading.Event()
def leave():
    try:
        raise SystemExit(3)
    finally:
        done.set()
_thread.start_new_thread(leave, ())
done.wait(10)
print("SystemExit in a thread: nothing reported")

atexit.register(print, "the other callbacks still run")
atexit.register(Bad(KeyError("at exit")))
print("main done")
