# Exceptions in threads: threading.excepthook gets ExceptHookArgs and
# prints "Exception in thread NAME:" with the traceback; SystemExit ends a
# thread quietly.  (Tracebacks through threading.py are not printed: their
# line numbers differ between 3.11 releases.)
import sys
import threading


def fails(x):
    return 1 // x


def quits():
    raise SystemExit(3)


def innermost(tb):
    while tb.tb_next:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_name, tb.tb_lineno


caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   innermost(args.exc_traceback)))


threading.excepthook = hook
ts = [threading.Thread(target=fails, args=(0,), name="h%d" % i) for i in range(6)]
ts.append(threading.Thread(target=quits, name="quitter"))
for t in ts:
    t.start()
for t in ts:
    t.join()
for c in sorted(caught):
    print(c)
print([t.is_alive() for t in ts])


class Bad(threading.Thread):
    def run(self):
        try:
            raise KeyError("inner")
        except KeyError:
            raise ValueError("outer")


b = Bad(name="bad")
b.start()
b.join()
print(caught[-1][:3], type(caught[-1]))

# The default hook, called directly on an exception caught here.
threading.excepthook = threading.__excepthook__
try:
    fails(0)
except ZeroDivisionError as e:
    exc = e
args = threading.ExceptHookArgs([type(exc), exc, exc.__traceback__, threading.current_thread()])
print(args.exc_type.__name__, args.thread.name, len(args))
sys.stdout.flush()
threading.excepthook(args)
threading.excepthook(threading.ExceptHookArgs([SystemExit, SystemExit(1), None, None]))


print("end")
