"""Multithreaded Richards: T independent instances of Martin Richards'
operating-system simulation, one per thread.

    stmpy bench/mt/richards.py T ITERATIONS

ITERATIONS runs of the simulation in all, split between the T threads.
Every instance keeps all its state (task table, packet queues, counters)
in objects of its own: no global is written while the threads run.  Each
run must queue 23246 packets and hold 9297 times (the classic figures);
the checksum is the sum of both counts over all runs.

Written from the description of the algorithm (an idle task, a worker,
two handlers and two devices exchanging packets under a priority
scheduler); compact, not a copy of any existing Python version.
"""
import sys
import threading

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE


def append_packet(pkt, queue):
    """Puts pkt at the end of queue (a chain of packets); returns the head."""
    pkt.link = None
    if queue is None:
        return pkt
    p = queue
    while p.link is not None:
        p = p.link
    p.link = pkt
    return queue


class Task:
    __slots__ = ("sched", "link", "ident", "prio", "queue", "pending",
                 "waiting", "holding", "a", "b", "body")

    def __init__(self, sched, ident, prio, queue, pending, waiting, a, b, body):
        self.sched = sched
        self.link = sched.tasks
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.pending = pending
        self.waiting = waiting
        self.holding = False
        self.a = a
        self.b = b
        self.body = body
        sched.tasks = self
        sched.table[ident] = self

    # -- scheduler primitives -------------------------------------------

    def blocked(self):
        return self.holding or (self.waiting and not self.pending)

    def step(self):
        if self.pending and self.waiting and not self.holding:
            pkt = self.queue
            self.queue = pkt.link
            self.pending = self.queue is not None
            self.waiting = False
        else:
            pkt = None
        return self.body(self, pkt)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.holds += 1
        self.holding = True
        return self.link

    def release(self, ident):
        t = self.sched.table[ident]
        t.holding = False
        return t if t.prio > self.prio else self

    def send(self, pkt):
        sched = self.sched
        dest = sched.table[pkt.ident]
        sched.sends += 1
        pkt.link = None
        pkt.ident = self.ident
        if dest.queue is None:
            dest.queue = pkt
            dest.pending = True
            return dest if dest.prio > self.prio else self
        append_packet(pkt, dest.queue)
        return self


# -- the task bodies: (task, packet or None) -> next task to look at ------

def idle_body(t, pkt):
    t.b -= 1
    if t.b == 0:
        return t.hold()
    if t.a & 1:
        t.a = (t.a >> 1) ^ 0xD008
        return t.release(DEVICE_B)
    t.a >>= 1
    return t.release(DEVICE_A)


def worker_body(t, pkt):
    if pkt is None:
        return t.wait()
    t.a = HANDLER_B if t.a == HANDLER_A else HANDLER_A
    pkt.ident = t.a
    pkt.datum = 0
    c = t.b
    data = pkt.data
    for i in range(BUFSIZE):
        c = c + 1 if c < 26 else 1
        data[i] = 64 + c
    t.b = c
    return t.send(pkt)


def handler_body(t, pkt):
    if pkt is not None:
        if pkt.kind == KIND_WORK:
            t.a = append_packet(pkt, t.a)
        else:
            t.b = append_packet(pkt, t.b)
    work = t.a
    if work is not None:
        n = work.datum
        if n >= BUFSIZE:
            t.a = work.link
            return t.send(work)
        dev = t.b
        if dev is not None:
            t.b = dev.link
            dev.datum = work.data[n]
            work.datum = n + 1
            return t.send(dev)
    return t.wait()


def device_body(t, pkt):
    if pkt is None:
        pkt = t.a
        if pkt is None:
            return t.wait()
        t.a = None
        return t.send(pkt)
    t.a = pkt
    return t.hold()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.sends = 0
        self.holds = 0

    def run_once(self):
        self.tasks = None
        Task(self, IDLE, 1, None, False, False, 1, 10000, idle_body)
        q = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
        Task(self, WORKER, 1000, q, True, True, HANDLER_A, 0, worker_body)
        q = Packet(Packet(Packet(None, DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE),
                   DEVICE_A, KIND_DEVICE)
        Task(self, HANDLER_A, 2000, q, True, True, None, None, handler_body)
        q = Packet(Packet(Packet(None, DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE),
                   DEVICE_B, KIND_DEVICE)
        Task(self, HANDLER_B, 3000, q, True, True, None, None, handler_body)
        Task(self, DEVICE_A, 4000, None, False, True, None, None, device_body)
        Task(self, DEVICE_B, 5000, None, False, True, None, None, device_body)
        self.sends = self.holds = 0
        t = self.tasks
        while t is not None:
            if t.blocked():
                t = t.link
            else:
                t = t.step()
        return self.sends, self.holds


def work(iterations, results, k):
    sched = Scheduler()
    total = 0
    for _ in range(iterations):
        sends, holds = sched.run_once()
        if sends != 23246 or holds != 9297:
            raise AssertionError("richards: wrong result %d %d" % (sends, holds))
        total += sends + holds
    results[k] = total


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    results = [None] * t
    threads = [threading.Thread(target=work,
                                args=((k + 1) * n // t - k * n // t, results, k))
               for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if None in results:
        raise SystemExit("richards: a thread failed")
    print("richards", n, sum(results))


main()
