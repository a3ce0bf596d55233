m = __import__("math")
print(m.sqrt(16), m.__name__)
import sys
print(type(sys.modules).__name__, "math" in sys.modules)
from math import pi as PI, floor
print(round(PI, 4), floor(2.5))
import os.path
print(os.path.join("a", "b"), os.path.basename("/x/y.txt"))
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import nonexistent_name
except ImportError as e:
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'nonexistent_name' from 'math' ("))
import collections
print(collections.OrderedDict(a=1), collections.Counter("aab").most_common(1))
from collections import namedtuple, deque, defaultdict
P = namedtuple("P", "x y")
print(P(1, 2), P(1, 2).x, deque([1, 2]), defaultdict(int)["k"])
