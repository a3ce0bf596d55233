# typing at run time: get_type_hints, NamedTuple, TypedDict, Generic with
# TypeVar, Protocol with runtime_checkable, Optional/Union/Literal reprs,
# get_origin/get_args, cast, overload, Final/ClassVar, NewType.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple,
                    NewType, Optional, Protocol, Tuple, TypedDict, TypeVar, Union, get_args,
                    get_origin, get_type_hints, runtime_checkable, cast, overload)

def annotated(a: int, b: "str" = "x", *args: float, c: Optional[List[int]] = None, **kw: Any) -> Dict[str, int]:
    return {}
hints = get_type_hints(annotated)
print(sorted(hints), hints["b"], hints["c"], hints["return"])
print(annotated.__annotations__["b"], annotated.__annotations__["args"])

class Employee(NamedTuple):
    name: str
    id: int = 3
    def label(self):
        return "%s#%d" % (self.name, self.id)
e = Employee("Guido")
print(e, e.label(), Employee._fields, Employee._field_defaults, Employee.__annotations__)
print(e._replace(id=7), isinstance(e, tuple), Employee("a", 1) == ("a", 1))
try:
    Employee()
except TypeError as ex:
    print(type(ex).__name__, ex)

class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    rating: float
m = Movie(title="Blade Runner", year=1982)
print(m, type(m).__name__, sorted(Movie.__required_keys__), sorted(Partial.__optional_keys__), Movie.__total__)
print(get_type_hints(Movie))

T = TypeVar("T")
K = TypeVar("K", bound=str)
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](5)
print(b.get(), Box[int], Box.__parameters__, get_origin(Box[int]) is Box, get_args(Box[str]))
print(T, K.__bound__, T.__name__, repr(TypeVar("V", int, str).__constraints__))
try:
    Box[int, str]
except TypeError as ex:
    print(type(ex).__name__, ex)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class File:
    def close(self):
        pass
class NotFile:
    pass
print(isinstance(File(), Closer), isinstance(NotFile(), Closer), issubclass(File, Closer))
class Plain(Protocol):
    def x(self): ...
try:
    isinstance(File(), Plain)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    Plain()
except TypeError as ex:
    print(type(ex).__name__, ex)

print(Optional[int], Union[int, str], Union[int, int], Union[int, None] == Optional[int])
print(List[int], Dict[str, List[int]], Tuple[int, ...], Callable[[int, str], bool], Literal["a", 1])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[str]))
print(get_args(Callable[[int], str]), get_origin(Literal[1]), get_args(Literal[1, 2]), get_origin(int))
print(list[int], dict[str, int] == Dict[str, int], int | str, get_args(int | str))
print(cast(int, "not really"), cast("List[int]", 5))

UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__)
@overload
def over(x: int) -> int: ...
@overload
def over(x: str) -> str: ...
def over(x):
    return x
print(over(3))
class Config:
    limit: ClassVar[int] = 10
    name: Final = "cfg"
print(get_type_hints(Config))
print(typing.TYPE_CHECKING, Any, repr(typing.NoReturn))
def fwd(x: "Undefined") -> None:
    pass
try:
    get_type_hints(fwd)
except NameError as ex:
    print(type(ex).__name__, ex)
print(typing.Sequence[int], isinstance([], typing.Sequence), issubclass(dict, typing.Mapping))
try:
    isinstance([], List[int])
except TypeError as ex:
    print(type(ex).__name__, ex)
