# An LRU cache built on OrderedDict with hit statistics, an observer/event
# bus with weak-free handlers, a state machine driven by a transition
# table, and a context manager that records timing-free spans.
from collections import OrderedDict
import contextlib

class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0
    def get(self, key, compute):
        if key in self.data:
            self.hits += 1
            self.data.move_to_end(key)
            return self.data[key]
        self.misses += 1
        value = compute(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print("  evict", evicted)
        return value
    def __repr__(self):
        return f"LRU({list(self.data)}, hits={self.hits}, misses={self.misses})"
cache = LRU(3)
for k in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    cache.get(k, lambda x: x * x)
print(cache)

class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, event, priority=0):
        def register(fn):
            self.handlers.setdefault(event, []).append((priority, fn))
            self.handlers[event].sort(key=lambda p: -p[0])
            return fn
        return register
    def emit(self, event, **payload):
        results = []
        for _, fn in self.handlers.get(event, []):
            try:
                r = fn(**payload)
            except Exception as e:
                r = f"{fn.__name__} failed: {type(e).__name__}: {e}"
            if r == "stop":
                results.append("stopped")
                break
            results.append(r)
        return results
bus = EventBus()
@bus.on("order", priority=1)
def validate(amount, **_):
    if amount <= 0:
        return "stop"
    return f"valid {amount}"
@bus.on("order", priority=5)
def audit(**kw):
    return "audit " + ",".join(f"{k}={v}" for k, v in sorted(kw.items()))
@bus.on("order")
def charge(amount, currency="EUR"):
    return f"charged {amount / 0 if currency == 'XXX' else amount} {currency}"
print(bus.emit("order", amount=10))
print(bus.emit("order", amount=-1))
print(bus.emit("order", amount=3, currency="XXX"))
print(bus.emit("unknown"))

TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "push"): "vending",
    ("ready", "refund"): "idle",
    ("vending", "done"): "idle",
}
class Machine:
    def __init__(self):
        self.state = "idle"
        self.history = [self.state]
    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise ValueError(f"no transition from {self.state!r} on {event!r}")
        self.state = TRANSITIONS[key]
        self.history.append(self.state)
m = Machine()
for ev in ["coin", "push", "done", "push", "coin", "refund"]:
    try:
        m.fire(ev)
    except ValueError as e:
        print("rejected:", e)
print(m.state, m.history)

spans = []
@contextlib.contextmanager
def span(name):
    depth = len([s for s in spans if s[1] == "open"])
    spans.append((name, "open", depth))
    try:
        yield name
    except KeyError as e:
        spans.append((name, "error " + repr(e), depth))
        raise
    finally:
        spans.append((name, "close", depth))
try:
    with span("request"):
        with span("db"):
            pass
        with span("render"):
            {}["template"]
except KeyError:
    pass
for s in spans:
    print("  " * s[2] + f"{s[0]}: {s[1]}")
