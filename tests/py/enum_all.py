# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases,
# iteration, lookup by value/name, _missing_, member attributes, functional
# API, and the errors for bad definitions and lookups.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color], list(Color.__members__))
print(Color.RED.name, Color.RED.value, Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.RED == 1, Color.RED == Color.RED, Color.RED is Color(1), hash(Color.RED) == hash(Color.RED))
for bad in (lambda: Color(7), lambda: Color["PINK"], lambda: setattr(Color, "RED", 5),
            lambda: Color.RED < Color.GREEN):
    try:
        bad()
    except (ValueError, KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)
try:
    class Reuse(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Extend(Color):
        PURPLE = 4
except TypeError as e:
    print(type(e).__name__, e)

class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print([(m.name, m.value) for m in Auto])
class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    X = auto()
    Y = auto()
print([m.value for m in Lower])

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet((3.303e+23, 2.4397e6)).name)

class Missing(Enum):
    ONE = 1
    @classmethod
    def _missing_(cls, value):
        if value == "one":
            return cls.ONE
        return None
print(Missing("one"))
try:
    Missing("two")
except ValueError as e:
    print(type(e).__name__, e)

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num(2), int(Num.TWO), Num.ONE == 1, sorted([Num.TWO, Num.ONE]))
print(str(Num.ONE), format(Num.TWO), f"{Num.ONE}", repr(Num.ONE), [1, 2, 3][Num.ONE])
class Str(enum.StrEnum):
    A = "alpha"
    B = auto()
print(Str.A, Str.B, Str.A.upper(), Str.A == "alpha", repr(Str.B))

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.W, ~Perm.R, Perm(0), bool(Perm(0)), list(rw))
print(Perm.RW is rw, Perm(7), list(Perm), len(Perm), rw.value, [m.name for m in Perm(7)])
class IPerm(IntFlag):
    A = 1
    B = 2
print(IPerm.A | IPerm.B, IPerm.A | 4, IPerm(3) == 3, IPerm.A + 1, repr(IPerm(0)), IPerm(9))
class FA(Flag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in FA], FA.A | FA.C)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Shape = Enum("Shape", [("SQ", 4), ("TRI", 3)])
print(Shape.TRI.value, Shape["SQ"], Enum("E", {"a": "x"}).a.value)
print(Color.__members__["CRIMSON"], dict((k, v.value) for k, v in Color.__members__.items()))
class WithMethod(Enum):
    A = 1
    def describe(self):
        return "member %s" % self.name
    @classmethod
    def first(cls):
        return next(iter(cls))
print(WithMethod.A.describe(), WithMethod.first(), WithMethod.A.__class__.__mro__[1].__name__)
print(enum.Enum.__name__, isinstance(Color, enum.EnumMeta), Color.RED.__reduce_ex__(2)[0] is Color if False else "skip")
