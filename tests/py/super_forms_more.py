# super(): zero-argument form in methods, classmethods, staticmethods
# (error), properties and __init_subclass__; two-argument forms with
# instances and classes; unbound super; super in generators/lambdas/nested
# functions; attribute lookup through super (descriptors, data attributes).
class Root:
    greeting = "root attr"
    def hello(self):
        return "Root.hello(%s)" % type(self).__name__
    @classmethod
    def make(cls):
        return "Root.make(%s)" % cls.__name__
    @property
    def prop(self):
        return "Root.prop"
    def __repr__(self):
        return "<%s>" % type(self).__name__

class Mid(Root):
    def hello(self):
        return "Mid>" + super().hello()
    @classmethod
    def make(cls):
        return "Mid>" + super().make()
    @property
    def prop(self):
        return "Mid>" + super().prop
    def gen(self):
        yield super().hello()
        yield super(Mid, self).hello()
    def via_lambda(self):
        f = lambda: super(Mid, self).hello()
        return f()
    def nested(self):
        def inner():
            return super(Mid, self).hello()
        return inner()
    def comp(self):
        return [super().hello() for _ in range(1)]

class Leaf(Mid):
    def hello(self):
        return "Leaf>" + super().hello()

leaf = Leaf()
print(leaf.hello(), Leaf.make(), leaf.prop, list(leaf.gen()), leaf.via_lambda(), leaf.nested())
print(super(Leaf, leaf).hello(), super(Mid, leaf).hello(), super(Leaf, Leaf).make(), super(Mid, Leaf).make())
print(super(Leaf, leaf).greeting, super(Leaf, leaf).prop, super(Root, leaf).__repr__()[:7])
try:
    print(leaf.comp())
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)

class Static(Root):
    @staticmethod
    def s():
        return super().hello()
try:
    Static.s()
except RuntimeError as e:
    print(type(e).__name__, e)

u = super(Leaf)
print(repr(u)[:20], u.__thisclass__.__name__, u.__self__, u.__self_class__)
print(super(Leaf, leaf).__thisclass__.__name__, super(Leaf, leaf).__self__ is leaf, super(Leaf, leaf).__self_class__.__name__)
for bad in [lambda: super(Leaf, 5), lambda: super(5, leaf), lambda: super(Leaf, Root), lambda: super(Leaf, leaf).missing,
            lambda: super(1, 2, 3), lambda: super(Leaf, leaf).__setattr__("x", 1) or "set ok"]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

class A:
    def __init__(self, **kw):
        self.trail = ["A"]
        super().__init__(**kw)
class B:
    def __init__(self, **kw):
        self.btrail = kw
        super().__init__()
class C(A, B):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("C")
c = C(x=1)
print(c.trail, c.btrail, [k.__name__ for k in C.__mro__])

class Base2:
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get("tag", "none")
        super().__init_subclass__()
class Sub2(Base2, tag="t"):
    pass
print(Sub2.tag)

class SetAttr:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
s = SetAttr()
s.v = 5
print(s.v)
class GetItem(dict):
    def __getitem__(self, k):
        return "wrapped " + str(super().__getitem__(k))
    def __missing__(self, k):
        return "missing " + k
print(GetItem(a=1)["a"], GetItem()["zz"])
class ListChild(list):
    def append(self, v):
        super().append(v * 10)
lc = ListChild()
lc.append(1)
print(lc, super(ListChild, lc).__len__())

def outside(self):
    return super().hello()
class Late(Root):
    pass
Late.outside = outside
try:
    Late().outside()
except RuntimeError as e:
    print(type(e).__name__, e)
class Cls:
    def m(self):
        return __class__
    def n(self):
        __class__ = "shadow"
        return __class__
print(Cls().m().__name__, Cls().n())
