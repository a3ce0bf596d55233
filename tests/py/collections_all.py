# collections: Counter arithmetic and methods, OrderedDict ordering and
# move_to_end/popitem, deque (maxlen, rotate, index, insert errors),
# defaultdict factories, namedtuple features, ChainMap layering, UserDict.
from collections import Counter, OrderedDict, deque, defaultdict, namedtuple, ChainMap, UserDict, UserList

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6], c.total())
c2 = Counter(a=1, b=5, e=2)
print(sorted((c + c2).items()), sorted((c - c2).items()), sorted((c & c2).items()), sorted((c | c2).items()))
c.update("aaz")
c.subtract({"a": 10, "q": 1})
print(sorted(c.items()), sorted((+c).items()), sorted((-c).items()))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter() == Counter(a=0), repr(Counter("aab")))
print(Counter("aab") < Counter("aabc"), Counter(a=1) <= Counter(a=1), Counter("xyz").most_common(1))
del c["b"]
print("b" in c, c.get("b"), sorted(Counter(dict(x=3, y=1)).items()))

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
try:
    od.move_to_end("zz")
except KeyError as e:
    print(type(e).__name__, e)
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {"b": 2, "a": 1}, repr(o1), list(reversed(o1)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, d.maxlen, len(d), d[0], d[-1])
d.rotate(1)
print(d)
d.rotate(-2)
print(d, d.index(4), d.count(2))
d.extend([7, 8])
d.extendleft([9])
print(d, d.pop(), d.popleft(), d)
d2 = deque("abc")
d2.insert(1, "X")
d2.remove("b")
d2.reverse()
print(d2, list(reversed(d2)), d2 * 2, d2 + deque("z"), "a" in d2, d2.copy())
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque("a").remove("z"),
            lambda: deque("a").index("z"), lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque(maxlen=-1),
            lambda: deque("ab")[5]):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(deque(range(10), maxlen=3), deque(), deque([], 0))

dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(sorted(dd.items()), dd.default_factory, repr(defaultdict(int)))
di = defaultdict(int)
di["x"] += 5
print(dict(di), di.get("missing"), "missing" in di, di["new"], sorted(di))
dn = defaultdict()
try:
    dn["k"]
except KeyError as e:
    print(type(e).__name__, e)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 1
print({k: dict(v) for k, v in nested.items()})
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=10), Point._fields, Point._make([3, 4]))
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3._field_defaults, P3(1, 2, 3))
R = namedtuple("R", "class def ok", rename=True)
print(R._fields)
for bad in [("Bad", "a a"), ("Bad", "1x"), ("Bad", "_x"), ("class", "a")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
class Sub(namedtuple("Base", "a b")):
    __slots__ = ()
    def total(self):
        return self.a + self.b
print(Sub(1, 2).total(), Sub(1, 2))

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), cm.maps == [over, base])
cm["d"] = 4
del cm["b"]
print(over, base, cm["b"])
child = cm.new_child({"a": 100})
print(child["a"], child.parents["a"], list(child.maps[0].items()))
try:
    del cm["a"]
except KeyError as e:
    print(type(e).__name__, e)

class Upper(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper(a=1)
u["b"] = 2
print(u, u.data, "A" in u)
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4], type(ul[:2]).__name__)
