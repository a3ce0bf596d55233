# match statement: every pattern kind (literal, capture, wildcard, value,
# group, sequence with star, mapping with **rest, class with positional and
# keyword sub-patterns, or-patterns, as-patterns, guards) and match errors.
from dataclasses import dataclass
import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(subject):
    match subject:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 0.0:
            return "zero"
        case "hello" | b"bytes":
            return "literal str/bytes"
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"
        case Color.RED:
            return "red"
        case Color():
            return "other color " + subject.name
        case int(n) if n > 100:
            return "big int %d" % n
        case int() | float() as num:
            return "number %r" % (num,)
        case str(s):
            return "str %r" % s
        case []:
            return "empty sequence"
        case [x]:
            return "one %r" % (x,)
        case [1, 2, *rest]:
            return "starts 1,2 rest=%r" % (rest,)
        case [first, *_, last]:
            return "first=%r last=%r" % (first, last)
        case {"type": "circle", "r": r}:
            return "circle r=%r" % r
        case {"type": t, **others}:
            return "type %s others=%r" % (t, sorted(others))
        case {}:
            return "some mapping"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis at %r" % yy
        case Point(xx, yy) if xx == yy:
            return "diagonal %r" % xx
        case Point():
            return "point"
        case (a, b) if False:
            return "never"
        case _:
            return "other " + type(subject).__name__

subjects = [None, True, False, 0, 0.0, "hello", b"bytes", -1, 1 + 2j, Color.RED, Color.GREEN,
            500, 7, 2.5, "text", [], (), [9], (1, 2, 3, 4), [1, 2], [5, 6, 7], "ab", {"type": "circle", "r": 3},
            {"type": "sq", "w": 1, "h": 2}, {}, {"x": 1}, Point(0, 0), Point(0, 5), Point(3, 3),
            Point(1, 2), {1, 2}, object.__new__(object) if False else range(2), b"xy", bytearray(b"z")]
for s in subjects:
    print(repr(s)[:30] if not isinstance(s, Point) else "Point", "->", describe(s))

@dataclass
class Node:
    value: int
    children: list

def total(node):
    match node:
        case Node(value=v, children=[]):
            return v
        case Node(v, [*kids]):
            return v + sum(total(k) for k in kids)
print(total(Node(1, [Node(2, []), Node(3, [Node(4, [])])])))

def walrus_like(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["take", item, *more] if more:
            return "taking %s and %d more" % (item, len(more))
        case ["take", item]:
            return "taking " + item
        case [("quit" | "exit")]:
            return "bye"
        case _:
            return "unknown"
for c in ["go north", "go west", "take lamp", "take a b c", "quit", "exit", ""]:
    print(repr(c), walrus_like(c))

class NoArgs:
    pass
def bad_positional(o):
    match o:
        case NoArgs(1):
            return "?"
try:
    bad_positional(NoArgs())
except TypeError as e:
    print(type(e).__name__, e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
def too_many(o):
    match o:
        case TooMany(x, y):
            return "?"
try:
    too_many(TooMany())
except TypeError as e:
    print(type(e).__name__, e)
def not_a_class(o):
    match o:
        case len():
            return "?"
try:
    not_a_class(1)
except TypeError as e:
    print(type(e).__name__, e)
class BadArgs:
    __match_args__ = "x"
def bad_args(o):
    match o:
        case BadArgs(q):
            return "?"
try:
    bad_args(BadArgs())
except TypeError as e:
    print(type(e).__name__, e)

# Mapping patterns use get() semantics of the subject, keys must be present.
from collections import defaultdict, OrderedDict
dd = defaultdict(int, a=1)
match dd:
    case {"zz": _}:
        print("defaultdict created key?")
    case {"a": 1}:
        print("defaultdict matched a, keys", sorted(dd))
match OrderedDict(b=2):
    case {"b": v}:
        print("ordered", v)
# Strings are not sequences for patterns.
match "abc":
    case [*chars]:
        print("sequence", chars)
    case _:
        print("str is not a sequence pattern")
# Names bound in failed alternatives are not kept.
x = "unset"
match [1, 2]:
    case [x, 3]:
        pass
    case [_, y]:
        print("second case, x =", x, "y =", y)
