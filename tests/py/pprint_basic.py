# pprint: dicts, lists, sets, nested and recursive objects, width/depth/compact,
# dataclasses, strings, bytes and the collections types.
import pprint
d = {'key%d' % i: list(range(i)) for i in range(12)}
pprint.pprint(d)
pprint.pprint(d, width=40, depth=1)
print(pprint.pformat({'a': [1, {'b': (2, 3)}], 'c': set(range(30))}, compact=True))
print(pprint.isrecursive([1]))
l = [1]; l.append(l)
print(pprint.pformat(l).split(" with id=")[0])
pprint.pp({'z': 1, 'a': 2}, sort_dicts=False)
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: list
pprint.pprint(P(1, list(range(40))))
print(pprint.pformat('x' * 100, width=30))
import collections
pprint.pprint(collections.OrderedDict(a=1, b=2))
pprint.pprint(collections.Counter('abracadabra'))
pprint.pprint(b'\x00abc' * 30, width=40)
pprint.pprint(bytearray(b'xyz' * 30), width=40)
import types
pprint.pprint(types.SimpleNamespace(a=list(range(30)), b='x'), width=40)
pprint.pprint(types.MappingProxyType({'k': list(range(25))}))
pprint.pprint(collections.defaultdict(list, {'a': list(range(30))}))
pprint.pprint(collections.deque(range(40), maxlen=50))
pprint.pprint(collections.ChainMap({'a': 1}, {'b': list(range(30))}))
pprint.pprint(['a long string that must be wrapped across lines ' * 3], width=50)
print(pprint.pformat(1234567890, underscore_numbers=True), pprint.isreadable([1, 'a']), pprint.saferepr({1: [2]}))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({'x': [1, 2, 3], 'y': {'z': tuple(range(10))}})
print(pprint.pformat(frozenset({1}), width=5), pprint.pformat((1,)), pprint.pformat(()))
