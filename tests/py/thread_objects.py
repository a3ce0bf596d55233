# Thread objects: names, idents, join with a timeout, enumerate, daemon,
# subclasses overriding run().
import threading
import time

print(threading.current_thread().name, threading.main_thread().name)
print(threading.current_thread() is threading.main_thread(), threading.active_count())
main_ident = threading.get_ident()
print(main_ident == threading.main_thread().ident, threading.main_thread().native_id is not None)

gate = threading.Event()
info = {}


def target(tag):
    me = threading.current_thread()
    info[tag] = (me.name, me.ident == threading.get_ident(), me.ident != main_ident,
                 me.native_id == threading.get_native_id(), me.daemon)
    gate.wait()


t1 = threading.Thread(target=target, args=("a",))
t2 = threading.Thread(target=target, args=("b",), name="worker-b", daemon=True)
print(t1.name, t2.name, t1.ident, t1.is_alive(), t2.daemon)
t1.start()
t2.start()
time.sleep(0.05)
print(sorted(t.name for t in threading.enumerate()), threading.active_count())
t1.join(0.05)
print("still alive", t1.is_alive(), t2.is_alive())
gate.set()
t1.join()
t2.join()
print("joined", t1.is_alive(), t2.is_alive(), threading.active_count())
print(sorted(info.items()))
print(repr(t1).startswith("<Thread(Thread-1 (target), stopped "))

try:
    t1.start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError", e)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n * 1000):
            self.total += i


cs = [Counter(n) for n in range(1, 9)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print([(c.name, c.total) for c in cs])

# Threads started from threads.
tree = []
tl = threading.Lock()


def spawn(depth):
    with tl:
        tree.append(depth)
    if depth < 3:
        kids = [threading.Thread(target=spawn, args=(depth + 1,)) for _ in range(2)]
        for k in kids:
            k.start()
        for k in kids:
            k.join()


spawn(0)
print(sorted(tree))
print(threading.active_count())
