# Producers and consumers over queue.Queue (bounded, so both sides block),
# with more threads than cores: every item is consumed exactly once, each
# producer's items reach any one consumer in the order they were put, and
# task_done()/join() account for all of them.  Then a pipeline of three
# stages, and PriorityQueue/LifoQueue/SimpleQueue shared by threads.
import queue
import threading

NP, NC, PER = 6, 5, 120
q = queue.Queue(maxsize=8)
got = [[] for _ in range(NC)]
STOP = None


def producer(p):
    for k in range(PER):
        q.put((p, k))


def consumer(c):
    mine = got[c]
    while True:
        item = q.get()
        try:
            if item is STOP:
                return
            mine.append(item)
        finally:
            q.task_done()


cs = [threading.Thread(target=consumer, args=(c,)) for c in range(NC)]
ps = [threading.Thread(target=producer, args=(p,)) for p in range(NP)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
q.join()                        # every item taken and marked done
for _ in cs:
    q.put(STOP)
for t in cs:
    t.join()
everything = sorted(x for mine in got for x in mine)
assert everything == [(p, k) for p in range(NP) for k in range(PER)]
for mine in got:                # per-producer FIFO order seen by each consumer
    for p in range(NP):
        ks = [k for pp, k in mine if pp == p]
        assert ks == sorted(ks)
assert q.empty() and q.qsize() == 0
print("queue:", len(everything), "items, each once, FIFO per producer")

# A pipeline: numbers -> squares -> sums.
q1, q2 = queue.Queue(4), queue.Queue(4)
out = []


def stage1():
    for i in range(300):
        q1.put(i)
    q1.put(STOP)


def stage2():
    while (x := q1.get()) is not STOP:
        q2.put(x * x)
    q2.put(STOP)


def stage3():
    total = 0
    while (x := q2.get()) is not STOP:
        total += x
    out.append(total)


ts = [threading.Thread(target=f) for f in (stage3, stage2, stage1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert out == [sum(i * i for i in range(300))]
print("pipeline:", out[0])

# Other queue kinds filled by several threads, then drained.
pq, lq, sq = queue.PriorityQueue(), queue.LifoQueue(), queue.SimpleQueue()


def filler(i):
    for k in range(40):
        pq.put((k * 10 + i, i))
        lq.put(i)
        sq.put((i, k))


ts = [threading.Thread(target=filler, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
prios = [pq.get_nowait()[0] for _ in range(pq.qsize())]
assert prios == sorted(prios) == sorted(k * 10 + i for i in range(8) for k in range(40))
lifo = []
while not lq.empty():
    lifo.append(lq.get())
assert sorted(lifo) == sorted(list(range(8)) * 40)
simple = []
while not sq.empty():
    simple.append(sq.get())
for i in range(8):
    assert [k for ii, k in simple if ii == i] == list(range(40))
try:
    pq.get(timeout=0.01)
except queue.Empty:
    print("empty after drain")
print("priority:", len(prios), "lifo:", len(lifo), "simple:", len(simple))
