# Attribute lookup order: data descriptors on the type beat the instance
# dict, which beats non-data descriptors; class-level lookups, __get__ with
# owner, descriptors on metaclasses, and errors from __set__/__delete__.

log = []

class Data:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        log.append(("set_name", owner.__name__, name))
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return "Data(%s) via class %s" % (self.tag, owner.__name__)
        return "Data(%s) get on %s" % (self.tag, type(obj).__name__)
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value
        log.append(("set", self.name, value))

class GetOnly:
    def __get__(self, obj, owner=None):
        return "GetOnly " + ("class" if obj is None else "instance")

class SetOnly:
    def __set__(self, obj, value):
        log.append(("setonly", value))

class DeleteOnly:
    def __get__(self, obj, owner=None):
        return "DeleteOnly"
    def __delete__(self, obj):
        log.append(("delete",))

class C:
    d = Data("d")
    g = GetOnly()
    s = SetOnly()
    x = DeleteOnly()

c = C()
print(c.d)
print(C.d)
c.d = 10
print(c.__dict__)
c.__dict__["d"] = "instance dict"
print(c.d)
c.__dict__["g"] = "instance wins"
print(c.g, C.g)
del c.__dict__["g"]
print(c.g)
print(type(C.__dict__["s"]).__name__, c.s is C.__dict__["s"])
c.s = 5
c.__dict__["s"] = "shadow"
print(c.s)
del c.x
try:
    c.x = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(log)

class ReadOnly:
    def __get__(self, obj, owner=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")

class R:
    v = ReadOnly()
r = R()
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del r.v
except AttributeError as e:
    print("AttributeError", e)
print(r.v)

# Descriptors found on the metaclass apply to class attribute access.
class Meta(type):
    info = Data("meta")
    plain = GetOnly()
class K(metaclass=Meta):
    plain = "class own"
print(K.info)
print(K.plain)
try:
    K.info = 7
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in K.__dict__ if not k.startswith("__")))

# A function is a non-data descriptor: instance dict shadows methods.
class M:
    def meth(self):
        return "method"
m = M()
m.meth = lambda: "shadowed"
print(m.meth(), M.meth(m), M().meth())
del m.meth
print(m.meth())

# __get__ is looked up on the type, not the instance.
class NotDesc:
    pass
nd = NotDesc()
nd.__get__ = lambda *a: "never"
class H:
    a = nd
print(H.a is nd)

# classmethod and staticmethod used directly.
cm = classmethod(lambda cls: cls.__name__)
sm = staticmethod(lambda: "static")
print(cm.__get__(None, int)(), sm.__get__(None, int)(), cm.__func__.__name__)
class W:
    f = cm
    g = sm
print(W.f(), W().f(), W.g(), W().g())
print(isinstance(W.__dict__["f"], classmethod), callable(sm))

# property is a data descriptor even without a setter.
class P:
    @property
    def p(self):
        return "prop"
pp = P()
pp.__dict__["p"] = "dict"
print(pp.p)
try:
    pp.p = 1
except AttributeError as e:
    print("AttributeError", e)
