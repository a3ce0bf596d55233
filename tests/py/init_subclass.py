class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag="a"):
    pass
class B(A):
    pass
print(Base.registry, A.tag, B.tag)
try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print(e)
class Named:
    def __set_name__(self, owner, name):
        print("named", owner.__name__, name)
class Holder:
    first = Named()
    second = Named()
try:
    class X(object, foo=1):
        pass
except TypeError as e:
    print(e)
