# collections as programs use it: the C parts and the Python ones together.
import collections
from _collections import deque, defaultdict
print(collections.deque is deque, collections.defaultdict is defaultdict)
cnt = collections.Counter('abracadabra')
print(cnt.most_common(2), cnt['a'], cnt['z'])
Point = collections.namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p._replace(x=5), p._asdict(), Point._fields, p == (1, 2))
od = collections.OrderedDict([('a', 1), ('b', 2)])
od['c'] = 3
od.move_to_end('a')
print(od, list(od), od.popitem(last=False))
print(collections.ChainMap({1: 2}, {3: 4})[3])
