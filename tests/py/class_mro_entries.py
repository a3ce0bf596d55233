# PEP 560: bases that are not classes name their classes with
# __mro_entries__; typing's generics and protocols build on it.
from typing import Generic, TypeVar, Protocol, NamedTuple, TypedDict, List
import types

T = TypeVar("T")

class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
print(Box.__orig_bases__, Box.__mro__, Box[int](3).v, Box[int])

class Sized(Protocol):
    def size(self) -> int: ...
class P(Sized, Protocol[T]):
    pass
print(P.__mro__, "__orig_bases__" in P.__dict__)

class Fake:
    def __mro_entries__(self, bases):
        print("entries for", len(bases), "bases")
        return (dict,)
class D(Fake(), list.__class__.__class__ and object):
    pass
print(D.__bases__, D.__orig_bases__[1], D.__mro__)

class Empty:
    def __mro_entries__(self, bases):
        return ()
class E(Empty()):
    pass
print(E.__bases__)

class Bad:
    def __mro_entries__(self, bases):
        return [int]
try:
    class X(Bad()):
        pass
except TypeError as e:
    print("TypeError:", e)

class Point(NamedTuple):
    x: int
    y: int = 0
print(Point(1), Point._fields, Point.__mro__)

class Movie(TypedDict):
    title: str
    year: int
print(Movie(title="x", year=1), Movie.__required_keys__ == {"title", "year"})

print(types.resolve_bases((Box[int], int)), type[int], type[int].__origin__, List[int])
print(types.new_class("N", (Box[str],)).__mro__)
