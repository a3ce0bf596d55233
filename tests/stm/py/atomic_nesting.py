# Nested atomic blocks, exclusive_atomic and its errors, is_atomic()
# inside and outside blocks (in the main thread, in other threads, in
# TransactionQueue calls), and exceptions leaving atomic blocks: their
# effects are kept and the nesting is unwound.
import threading
from transaction import atomic, exclusive_atomic, is_atomic, TransactionQueue

print("outside:", is_atomic())
with atomic:
    print("inside:", is_atomic())
    with atomic:
        with atomic:
            print("depth 3:", is_atomic())
        print("depth 1 again:", is_atomic())
print("after:", is_atomic())

with exclusive_atomic:
    print("exclusive:", is_atomic())
    with atomic:                    # atomic inside exclusive is fine
        print("atomic in exclusive:", is_atomic())
    try:
        with exclusive_atomic:
            print("not reached")
    except RuntimeError as e:
        print("exclusive in exclusive:", e)
    print("still exclusive:", is_atomic())
print("after exclusive:", is_atomic())

with atomic:
    try:
        with exclusive_atomic:
            print("not reached")
    except RuntimeError as e:
        print("exclusive in atomic:", e)
    print("still atomic:", is_atomic())
    with atomic:
        try:
            with exclusive_atomic:
                pass
        except RuntimeError:
            print("exclusive at depth 2 refused too")
print("after refused:", is_atomic())

# An exception out of nested blocks: effects kept, nesting unwound.
log = []
try:
    with atomic:
        log.append(1)
        with atomic:
            log.append(2)
            raise ValueError("inner")
except ValueError as e:
    print("caught", e, log, "atomic:", is_atomic())


def leave_by_return():
    with atomic:
        with atomic:
            return is_atomic()


print("return from nested blocks:", leave_by_return(), is_atomic())

for i in range(3):
    with atomic:
        if i == 1:
            continue
        if i == 2:
            break
print("continue/break out of a block:", is_atomic())


def gen():
    with atomic:
        yield is_atomic()
        yield is_atomic()


g = gen()
print("generator inside block:", next(g), next(g))
g.close()
print("generator closed:", is_atomic())

# In threads: every thread sees its own nesting.
results = []
rlock = threading.Lock()
go = threading.Barrier(6)


def worker(i):
    go.wait()
    out = [is_atomic()]
    for k in range(50):
        with atomic:
            out.append(is_atomic())
            if k % 10 == i % 10:
                try:
                    with atomic:
                        raise KeyError(k)
                except KeyError:
                    out.append(is_atomic())
    out.append(is_atomic())
    try:
        with atomic:
            with exclusive_atomic:
                pass
    except RuntimeError:
        out.append("refused")
    with rlock:
        results.append((out[0], all(out[1:-2]), out[-2], out[-1]))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("threads:", sorted(results))

# Inside TransactionQueue calls, and an atomic block inside a call.
flags = []


def call():
    flags.append(is_atomic())
    with atomic:
        flags.append(is_atomic())


tq = TransactionQueue()
for _ in range(20):
    tq.add(call)
tq.run()
print("queue calls:", len(flags), all(flags), "after run:", is_atomic())

print(repr(atomic), repr(exclusive_atomic))
