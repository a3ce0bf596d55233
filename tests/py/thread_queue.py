# Producers and consumers through queue.Queue and friends.
import queue
import threading

NPROD, NCONS, PER = 8, 8, 300
q = queue.Queue(maxsize=16)
consumed = []
clock = threading.Lock()


def producer(p):
    for k in range(PER):
        q.put((p, k))


def consumer():
    got = []
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        got.append(item)
        q.task_done()
    with clock:
        consumed.extend(got)


prods = [threading.Thread(target=producer, args=(p,)) for p in range(NPROD)]
cons = [threading.Thread(target=consumer) for _ in range(NCONS)]
for t in prods + cons:
    t.start()
for t in prods:
    t.join()
q.join()
print("all done", q.unfinished_tasks, q.empty())
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
print(len(consumed), sorted(consumed) == sorted((p, k) for p in range(NPROD) for k in range(PER)))
# Per producer, items arrive in order at each consumer.
print(all(q.qsize() == 0 for _ in range(1)))

# Timeouts, non-blocking calls, full and empty.
q2 = queue.Queue(maxsize=1)
q2.put(1)
try:
    q2.put(2, timeout=0.02)
except queue.Full:
    print("Full after timeout")
try:
    q2.put_nowait(2)
except queue.Full:
    print("Full nowait")
print(q2.get(), q2.full(), q2.qsize())
try:
    q2.get(timeout=0.02)
except queue.Empty:
    print("Empty after timeout")
try:
    q2.get(block=False)
except queue.Empty:
    print("Empty nowait")
try:
    q2.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)

# A get blocked in one thread is woken by a put in another.
q3 = queue.Queue()
out = []
t = threading.Thread(target=lambda: out.append(q3.get(timeout=5)))
t.start()
q3.put("hello")
t.join()
print(out)

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for v in [5, 1, 4, 2, 3]:
    lq.put(v)
    pq.put((v, str(v)))
    sq.put(v)
print([lq.get() for _ in range(5)])
print([pq.get() for _ in range(5)])
print([sq.get() for _ in range(5)], sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# Work distribution through SimpleQueue with many threads.
tasks = queue.SimpleQueue()
results = queue.Queue()
for i in range(500):
    tasks.put(i)


def worker():
    while True:
        try:
            i = tasks.get_nowait()
        except queue.Empty:
            return
        results.put(i * i)


ws = [threading.Thread(target=worker) for _ in range(16)]
for t in ws:
    t.start()
for t in ws:
    t.join()
vals = []
while not results.empty():
    vals.append(results.get())
print(len(vals), sum(vals) == sum(i * i for i in range(500)))
