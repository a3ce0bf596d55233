class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case int(n) | float(n):
            return f"number {n}"
        case [Point(x=a), Point(x=b)]:
            return f"two points {a} {b}"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 5), 7, 2.5, [Point(1, 0), Point(2, 0)], "z"]:
    print(where(p))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
match {"x": [1, {"y": "deep"}]}:
    case {"x": [1, {"y": str() as val}]}:
        print("deep match", val)
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
