class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        """celsius"""
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.c = 100
print(t.c, t.f, Temp.c.__doc__, type(Temp.c).__name__)
del t.c
try:
    t.c = -300
except ValueError as e:
    print(e)
try:
    t.f = 3
except AttributeError as e:
    print(e)
try:
    del t.f
except AttributeError as e:
    print(e)
class Sub(Temp):
    @Temp.c.getter
    def c(self):
        return "sub " + str(self._c)
print(Sub().c, Temp.c.fget.__name__, Temp.c.fset is not None)
