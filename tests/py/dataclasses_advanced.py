# dataclasses: make_dataclass, inheritance, errors, eq/hash rules,
# descriptors as defaults, field metadata, repr of recursive objects.
import dataclasses, inspect
from dataclasses import dataclass, field, fields, make_dataclass, is_dataclass, asdict
from typing import ClassVar, Optional, List, Dict

D = make_dataclass('D', [('x', int), ('y', int, field(default=3))], namespace={'total': lambda self: self.x + self.y})
print(D(1), D(1).total(), is_dataclass(D), is_dataclass(D(1)), is_dataclass(int))

@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Derived(Base):
    c: float = 1.0
    a: int = 10

print(Derived(), Derived(1, "x", 2.5), [f.name for f in fields(Derived)])
print(inspect.signature(Derived))

for src in ("a: int = 1\n    b: int", "a: list = []", "a: int = field(default=1, default_factory=int)"):
    try:
        exec("@dataclass\nclass Bad:\n    " + src + "\n", {"dataclass": dataclass, "field": field})
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False, compare=False)
print(hash(H(1)) == hash((1,)), H(1, [1]) == H(1, [2]))

@dataclass
class Unhashable:
    a: int
print(Unhashable.__hash__)

@dataclass(frozen=True)
class F:
    a: int
try:
    @dataclass
    class NotFrozen(F):
        b: int = 0
except TypeError as e:
    print("TypeError:", e)
try:
    del F(1).a
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

@dataclass
class Meta:
    x: int = field(default=0, metadata={"unit": "m"}, repr=False)
    y: Optional[int] = None
print(fields(Meta)[0].metadata["unit"], Meta(5), repr(fields(Meta)[0]).split(",")[:3])

@dataclass
class Node:
    val: int
    children: List["Node"] = field(default_factory=list)
    parent: Optional["Node"] = field(default=None, repr=False, compare=False)
root = Node(1)
root.children.append(Node(2, parent=root))
print(root)
print(asdict(Node(3, [Node(4)])))
print(asdict(Meta(1), dict_factory=lambda items: sorted(items)))

@dataclass
class WithClassVar:
    x: int
    registry: ClassVar[Dict[str, int]] = {}
print([f.name for f in fields(WithClassVar)], WithClassVar.registry)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) <= Version(1, 0))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)

@dataclass(match_args=True)
class Pt:
    x: int
    y: int
match Pt(1, 2):
    case Pt(a, b):
        print("matched", a, b, Pt.__match_args__)

@dataclass(slots=True, frozen=True)
class SF:
    a: int
    b: int = 2
s = SF(1)
print(s, hash(s) == hash(SF(1)), SF.__slots__)
try:
    s.a = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(dataclasses.replace(s, b=5))
try:
    dataclasses.replace(s, c=1)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(1)
except TypeError as e:
    print("TypeError:", e)
try:
    asdict(Version)
except TypeError as e:
    print("TypeError:", e)
