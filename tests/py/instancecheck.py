class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "special"
    def __subclasscheck__(cls, sub):
        return sub is int
class Virtual(metaclass=Meta):
    pass
print(isinstance("special", Virtual), isinstance("other", Virtual), issubclass(int, Virtual), issubclass(str, Virtual))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
class MyIt:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(MyIt(), cabc.Iterable), issubclass(MyIt, cabc.Iterator))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
