# reprlib (Repr limits for every container kind, recursive_repr) and
# linecache (getline on this file, out of range lines, checkcache,
# getlines, updatecache on a module file).
import reprlib
import linecache
import os

r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 12
r.maxlevel = 2
print(r.repr(list(range(10))), r.repr(tuple(range(10))), r.repr(set(range(10))), r.repr(frozenset(range(2))))
print(r.repr("a" * 50), r.repr({i: i for i in range(10)}), r.repr([[[[1]]]]), r.repr(b"x" * 40))
print(r.repr(10 ** 50), r.repr(3.5), r.repr([]), r.repr(()), r.repr(set()), r.repr(None))
import collections, array
print(r.repr(collections.deque(range(10))), r.repr(array.array("i", range(10))) if False else "")
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({"k": "v" * 40}))
class Big:
    def __repr__(self):
        return "Big(" + "z" * 100 + ")"
print(reprlib.repr(Big()))
class Broken:
    def __repr__(self):
        raise ValueError("no repr")
print(reprlib.repr(Broken()).split(" at ")[0])

class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.children)
n = Node(1)
n.children.append(n)
n.children.append(Node(2))
print(repr(n))
class Fill(list):
    @reprlib.recursive_repr(fillvalue="<loop>")
    def __repr__(self):
        return "Fill" + "".join(repr(x) for x in self)
f = Fill()
f.append(f)
print(repr(f))

here = __file__
print(repr(linecache.getline(here, 1)))
print(repr(linecache.getline(here, 3)))
print(repr(linecache.getline(here, 10000)), repr(linecache.getline(here, 0)), repr(linecache.getline(here, -1)))
print(repr(linecache.getline("/nonexistent/file.py", 1)))
lines = linecache.getlines(here)
print(len(lines) > 40, lines[0].startswith("# reprlib"))
linecache.checkcache(here)
linecache.clearcache()
print(repr(linecache.getline(here, 2)))
import textwrap
src = textwrap.__file__
print(linecache.getline(src, 1).startswith('"""'), len(linecache.getlines(src)) > 100)
print(linecache.getlines("<string>"), linecache.getline("", 1) == "")
