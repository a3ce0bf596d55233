# pickle round trips for every protocol: builtin values, nested and shared
# references, cycles, custom classes with __reduce__/__getstate__/
# __setstate__/__getnewargs__, slots, enum members, collections types,
# and the errors for unpicklable objects.
import pickle
import collections
import enum

class Color(enum.Enum):
    RED = 1
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
class Stateful:
    def __init__(self):
        self.public = 1
        self.cache = "drop me"
    def __getstate__(self):
        s = dict(self.__dict__)
        del s["cache"]
        return s
    def __setstate__(self, s):
        self.__dict__.update(s)
        self.cache = "rebuilt"
class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b
    def __reduce__(self):
        return (Reduced, (self.a, self.b + 1))
class NewArgs(int):
    def __new__(cls, v, label):
        obj = super().__new__(cls, v)
        obj.label = label
        return obj
    def __getnewargs__(self):
        return (int(self), self.label)
class Slotted:
    __slots__ = ("p", "q")
    def __init__(self):
        self.p, self.q = 1, [2]
Pair = collections.namedtuple("Pair", "left right")

values = [None, True, 0, -1, 2**100, 1.5, float("inf"), 1 + 2j, "", "ünïcode", b"\x00bytes", bytearray(b"ba"),
          (), (1,), [1, [2]], {"k": {1, 2}}, frozenset({3}), range(3), slice(1, 5, 2), Point(1, 2), Color.RED,
          collections.OrderedDict(a=1), collections.deque([1, 2], maxlen=5), collections.Counter("aab"),
          collections.defaultdict(list, {"x": [1]}), Pair(1, 2), ..., NotImplemented, len, Point]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    ok = []
    for v in values:
        back = pickle.loads(pickle.dumps(v, protocol=proto))
        same = back == v or (isinstance(v, float) and v != v)
        ok.append(same and type(back) is type(v))
    print(proto, all(ok), [type(v).__name__ for v, good in zip(values, ok) if not good])
shared = [1]
data = [shared, shared, {"again": shared}]
back = pickle.loads(pickle.dumps(data))
print(back[0] is back[1] is back[2]["again"], back)
cyc = {"name": "root"}
cyc["self"] = cyc
lst = [cyc]
lst.append(lst)
back = pickle.loads(pickle.dumps(lst))
print(back[0]["self"] is back[0], back[1] is back, back[0]["name"])
s = pickle.loads(pickle.dumps(Stateful()))
print(vars(s))
r = pickle.loads(pickle.dumps(Reduced(5, 1)))
print(r.a, r.b)
n = pickle.loads(pickle.dumps(NewArgs(7, "seven"), protocol=2))
print(n, n.label, type(n).__name__)
sl = pickle.loads(pickle.dumps(Slotted(), protocol=2))
print(sl.p, sl.q)
dq = pickle.loads(pickle.dumps(collections.deque([1], maxlen=3)))
print(dq, dq.maxlen, pickle.loads(pickle.dumps(collections.defaultdict(int))).default_factory)
print(pickle.loads(pickle.dumps(Color.RED)) is Color.RED, pickle.loads(pickle.dumps(Point)) is Point)
for bad in [lambda: pickle.dumps((x for x in [])), lambda: pickle.dumps(1, protocol=99)]:
    try:
        bad()
    except (pickle.PicklingError, pickle.UnpicklingError, TypeError, AttributeError, EOFError, ValueError) as e:
        print(type(e).__name__, str(e)[:70])
print(pickle.dumps(None, 0), pickle.dumps(True, 2), pickle.dumps(1, 1), len(pickle.dumps(list(range(100)), 4)))
import io
buf = io.BytesIO()
pickle.dump({"a": 1}, buf)
pickle.dump([2], buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
