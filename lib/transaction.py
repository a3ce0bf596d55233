"""Transactions for Python programs: atomic blocks and a queue of calls
run in parallel with the result of some serial order.

On stmpy this module sits on the interpreter's _transaction module: in the
STM flavour an atomic block is one transaction, which the other threads
see happen all at once or not at all, and TransactionQueue runs its calls
on all cores.  On any other Python (CPython 3.11, PyPy) the same API runs
serially under one lock, so that a program written for stmpy runs
unchanged there: see docs/parallel.md.
"""

import sys as _sys
import threading as _threading
import time as _time
from collections import deque as _deque

__all__ = ["atomic", "exclusive_atomic", "is_atomic", "getsegmentlimit",
           "hint_commit_soon", "signals_enabled", "TransactionQueue", "add",
           "run", "threadlocalproperty", "time", "clock"]

try:
    from _transaction import (atomic, exclusive_atomic, is_atomic,
                              getsegmentlimit, hint_commit_soon,
                              signals_enabled)
except ImportError:
    # Not stmpy: one re-entrant lock makes every atomic block run alone.
    _big_lock = _threading.RLock()
    _depth = _threading.local()

    def is_atomic():
        return getattr(_depth, "n", 0) > 0

    class _Atomic:
        def __init__(self, exclusive):
            self._exclusive = exclusive

        def __enter__(self):
            if self._exclusive and is_atomic():
                raise RuntimeError("exclusive_atomic block can't be entered "
                                   "inside another atomic block")
            _big_lock.acquire()
            _depth.n = getattr(_depth, "n", 0) + 1

        def __exit__(self, *exc):
            _depth.n -= 1
            _big_lock.release()
            return False

        def __repr__(self):
            return ("<transaction.exclusive_atomic>" if self._exclusive
                    else "<transaction.atomic>")

    atomic = _Atomic(False)
    exclusive_atomic = _Atomic(True)

    def getsegmentlimit():
        return 1

    def hint_commit_soon():
        pass

    class _SignalsEnabled:
        def __enter__(self):
            pass

        def __exit__(self, *exc):
            return False

    signals_enabled = _SignalsEnabled()


def time():
    """time.time(), provided for programs written for pypy-stm."""
    return _time.time()


def clock():
    """A monotonic clock in seconds (pypy-stm's transaction.clock())."""
    return _time.perf_counter()


class threadlocalproperty:
    """A property whose value is per thread and per instance:

        class Worker:
            count = threadlocalproperty(int)

    Each thread sees its own `count` on each object, starting from
    default_factory() (AttributeError when there is none).  Per-thread
    counters are the usual cure for conflicts on shared counters.
    """

    def __init__(self, default_factory=None):
        self._default_factory = default_factory
        self._local = _threading.local()

    def _values(self):
        try:
            return self._local.values
        except AttributeError:
            self._local.values = values = {}
            return values

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        values = self._values()
        try:
            return values[id(obj)][1]
        except KeyError:
            if self._default_factory is None:
                raise AttributeError("thread-local attribute not set") from None
            value = self._default_factory()
            values[id(obj)] = (obj, value)
            return value

    def __set__(self, obj, value):
        self._values()[id(obj)] = (obj, value)

    def __delete__(self, obj):
        try:
            del self._values()[id(obj)]
        except KeyError:
            raise AttributeError("thread-local attribute not set") from None


class TransactionQueue:
    """Calls to run in parallel, each as one atomic block:

        tq = TransactionQueue()
        for item in items:
            tq.add(process, item)
        tq.run()

    run() returns when every call has run, including the calls the calls
    added.  The effect is that of running the calls one after the other
    in some order (not necessarily the order of add()).  The first
    exception a call raises stops the run: calls not yet started are
    dropped, and run() raises it.
    """

    def __init__(self):
        self._pending = _deque()
        self._busy = []
        self._error = None

    def add(self, f, *args, **kwds):
        self._pending.append((f, args, kwds))

    def _worker(self, busy):
        # Shared state is written as little as possible: the pending calls
        # (popped in a small transaction of its own, so that the calls'
        # transactions do not all write the queue), and each worker's own
        # flag `busy`, a list of its own, true while it runs a call.  A
        # worker that finds nothing to pop leaves when no flag is set: no
        # call is running that could add more.
        pending = self._pending
        flags = self._busy
        while True:
            with atomic:
                if self._error is not None:
                    return
                if pending:
                    call = pending.popleft()
                    if not busy[0]:
                        busy[0] = True
                else:
                    call = None
                    if busy[0]:
                        busy[0] = False
                    if not any(flag[0] for flag in flags):
                        return
            if call is None:
                # A call still running may add more: wait for it.
                _time.sleep(0.0002)
                continue
            f, args, kwds = call
            try:
                with atomic:
                    f(*args, **kwds)
            except BaseException as e:
                with atomic:
                    if self._error is None:
                        self._error = e

    def run(self, nb_segments=0):
        """Runs the calls on nb_segments threads (0: as many as can run
        in parallel).  Not re-entrant: do not call it from a call."""
        if is_atomic():
            raise RuntimeError("TransactionQueue.run() inside an atomic block")
        n = nb_segments if nb_segments > 0 else getsegmentlimit()
        self._error = None
        self._busy = [[False] for _ in range(max(n, 1))]
        if n <= 1:
            self._worker(self._busy[0])
        else:
            threads = [_threading.Thread(target=self._worker, args=(self._busy[i],),
                                         name="TransactionQueue-%d" % i)
                       for i in range(n)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        error, self._error = self._error, None
        if error is not None:
            self._pending.clear()
            raise error


_queue = TransactionQueue()


def add(f, *args, **kwds):
    """Adds a call to the module's own TransactionQueue."""
    _queue.add(f, *args, **kwds)


def run(nb_segments=0):
    """Runs the module's own TransactionQueue."""
    _queue.run(nb_segments)
