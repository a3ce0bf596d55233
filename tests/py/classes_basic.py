class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
q = Point(1, 2)
print(p, q, p.norm2(), Point.count, p.count, Point.__doc__, Point.__name__, Point.__qualname__)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object), p.__dict__, Point.__module__)
p.z = 5
print(p.__dict__, hasattr(p, "z"), getattr(p, "w", "default"), vars(p))
delattr(p, "z")
print(hasattr(p, "z"))
try:
    p.w
except AttributeError as e:
    print(e)
try:
    del p.w
except AttributeError as e:
    print(e)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, Point.norm2(q))
class Empty:
    pass
print(Empty.__bases__, Empty.__mro__, type(Empty), Empty().__class__.__name__)
print(repr(Empty)[:15], str(Point))
