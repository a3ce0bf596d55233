# Name resolution across nested scopes with classes: methods cannot see
# class-level names, __class__ cell, class bodies reading enclosing
# function locals, nested classes referencing outer classes by global
# name, default arguments capturing class attributes, and del in scopes.
X = "global X"
def make():
    X = "function X"
    class C:
        X = "class X"
        seen_in_body = X
        def method(self):
            return X
        lam = lambda self: X
        gen_result = [X for _ in range(1)]
        def default(self, v=X):
            return v
    return C
C = make()
c = C()
print(C.seen_in_body, c.method(), c.lam(), C.gen_result, c.default())
class Outer:
    value = 1
    class Inner:
        def get(self):
            return Outer.value
    def make_inner(self):
        return self.Inner()
print(Outer().make_inner().get(), Outer.Inner.__qualname__)
def counter():
    class Tally:
        total = 0
        def add(self, n):
            Tally.total += n
            return Tally.total
    return Tally
T = counter()
t1, t2 = T(), T()
t1.add(3)
print(t2.add(4), T.total)
def shadow_builtin():
    class S:
        len = 5
        def uses_len(self):
            return len("abc")
    return S().uses_len(), S.len
print(shadow_builtin())
def class_deletes():
    class D:
        a = 1
        b = a + 1
        del a
    return hasattr(D, "a"), D.b
print(class_deletes())
def nonlocal_from_method():
    state = {"calls": 0}
    count = 0
    class K:
        def bump(self):
            nonlocal count
            count += 1
            state["calls"] += 1
            return count
    k = K()
    k.bump(); k.bump()
    return count, state
print(nonlocal_from_method())
class WithClassCell:
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__()[:20]
class Derived(WithClassCell):
    pass
print(Derived().who(), Derived().sup().startswith("<__main__.Derived"))
def locals_in_class():
    y = 10
    class L:
        x = y
        z = [y for _ in range(2)]
        names = sorted(k for k in locals() if not k.startswith("__"))
    return L.x, L.z, L.names
print(locals_in_class())
def unbound_in_class():
    v = "outer"
    class U:
        try:
            print("class sees", v)
        except NameError as e:
            print("NameError", e)
        v = "inner"
    return U.v
print(unbound_in_class())
g_val = "module"
class ReadsGlobalThenSets:
    g_copy = g_val
    g_val = "class attribute"
print(ReadsGlobalThenSets.g_copy, ReadsGlobalThenSets.g_val, g_val)
