# RecursionError on deep recursion in functions, methods, __repr__,
# __getattr__, comparisons of nested containers and generators, and
# recovery afterwards (the interpreter keeps working); setrecursionlimit.
import sys

def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print("recovered", sum(range(10)))

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)

class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr:", type(e).__name__)

class Attr:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Attr().a
except RecursionError as e:
    print("getattr:", type(e).__name__)

deep = []
for _ in range(5000):
    deep = [deep]
try:
    deep == deep[0]
    print("compared")
except RecursionError as e:
    print("compare:", type(e).__name__)
try:
    repr(deep)
except RecursionError as e:
    print("repr list:", type(e).__name__)
d = {}
cur = d
for _ in range(5000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print("repr dict:", type(e).__name__)

def gen(n):
    yield from gen(n + 1)
try:
    next(gen(0))
except RecursionError as e:
    print("generator:", type(e).__name__)

old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
reached = count(0)
print("limit 100 reached between 50 and 100:", 50 < reached < 100)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(type(e).__name__, e)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(800))))
def catch_and_continue(n):
    if n == 0:
        return 0
    try:
        return 1 + catch_and_continue(n - 1)
    except RecursionError:
        return -10**6
print(catch_and_continue(500))
import json
nested = "[" * 5000 + "]" * 5000
try:
    json.loads(nested)
except RecursionError as e:
    print("json:", type(e).__name__)
print("still alive", [x * 2 for x in range(3)])
