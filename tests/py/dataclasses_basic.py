# dataclasses: fields, defaults, default_factory, frozen, order, asdict,
# astuple, replace, __post_init__, InitVar, kw_only, slots.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY, FrozenInstanceError, is_dataclass, make_dataclass
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(2, 1))
print([f.name for f in fields(p)])
print(asdict(p), astuple(p))
print(replace(p, y=5))

@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"

print(V(1) < V(2), sorted([V(3), V(1, "b"), V(1, "a")]))
try:
    V(1).a = 3
except FrozenInstanceError as e:
    print("frozen:", e)
print(hash(V(1)) == hash(V(1)))

@dataclass
class C:
    x: int
    scale: InitVar[int] = 1
    y: int = field(init=False)
    def __post_init__(self, scale):
        self.y = self.x * scale
print(C(3, 4), C(3))

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try:
    K(1)
except TypeError as e:
    print(e)

@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
print(K2(1, b=3))

@dataclass(slots=True)
class S:
    a: int
    b: float = 1.5
s = S(1)
print(s, S.__slots__, hasattr(s, '__dict__'))
