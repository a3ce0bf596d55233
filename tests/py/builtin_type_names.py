# The dotted names of the types that C modules define, as CPython shows
# them: repr(type), __module__, __qualname__, __name__, and pickles of
# their instances that name them.
import _io
import array
import collections
import copy
import csv
import functools
import io
import itertools
import operator
import pickle
import re
import struct
import threading
import types
import zlib

objs = [
    collections.deque(), collections.OrderedDict(), collections.defaultdict(int),
    iter(collections.deque()), reversed(collections.deque()), collections.Counter(),
    array.array("i"), iter(array.array("i")),
    itertools.count(), itertools.chain(), itertools.islice([], 1), itertools.product(),
    itertools.groupby([]), itertools.tee([])[0], itertools.repeat(1), itertools.zip_longest(),
    itertools.accumulate([]), itertools.permutations([]), itertools.combinations([], 1),
    itertools.combinations_with_replacement([], 1), itertools.starmap(int, []),
    itertools.takewhile(int, []), itertools.dropwhile(int, []), itertools.filterfalse(int, []),
    itertools.compress([], []), itertools.cycle([]), itertools.pairwise([]),
    functools.partial(print), io.StringIO(), io.BytesIO(), open(__file__), open(__file__, "rb"),
    open(__file__, "rb", buffering=0), re.compile("a"), re.match("a", "a"),
    re.finditer("a", "a"), struct.Struct("i"), zlib.compressobj(), zlib.decompressobj(),
    threading.Lock(), threading.RLock(), threading.local(), csv.reader([]),
    csv.writer(io.StringIO()), operator.itemgetter(1), memoryview(b""),
    len, [].append, lambda: 0, types.SimpleNamespace(), iter(range(0)), iter(""),
]
for o in objs:
    t = type(o)
    print(repr(t), t.__module__, t.__qualname__, t.__name__)
    if hasattr(o, "close"):
        o.close()
for t in [_io.TextIOWrapper, _io.FileIO, _io.BufferedReader, csv.Dialect, csv.Error]:
    print(repr(t), t.__module__, t.__qualname__)

d = collections.deque([1, 2], maxlen=5)
dd = collections.defaultdict(list, a=[1])
for o in [d, dd, array.array("b", [1, 2]), collections.OrderedDict(a=1)]:
    data = pickle.dumps(o, 2)
    print(type(o).__name__, pickle.loads(data) == o, copy.deepcopy(o) == o,
          type(o).__module__.encode() in data)
print(repr(d), repr(dd))
print(pickle.loads(pickle.dumps(collections.deque))) 
try:
    collections.deque.x = 1
except TypeError as e:
    print(e)
