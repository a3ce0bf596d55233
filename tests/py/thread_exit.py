# Interpreter exit: non-daemon threads are joined before atexit's calls;
# a daemon thread still blocked is abandoned.
import atexit
import threading
import time

forever = threading.Event()
started = threading.Event()


def daemon_body():
    started.set()
    forever.wait()
    print("never printed")


def late():
    time.sleep(0.1)
    print("non-daemon thread finishing")


atexit.register(lambda: print("atexit handler"))
threading.Thread(target=daemon_body, daemon=True).start()
started.wait()
threading.Thread(target=late).start()
print("main done")
