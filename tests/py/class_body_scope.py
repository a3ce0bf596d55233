x = "global"
class C:
    x = "class"
    y = x
    def f(self):
        return x
    lst = [x for _ in range(1)]
    print("in body", x, sorted(k for k in locals() if not k.startswith("__")))
print(C.y, C().f(), C.lst)
def factory(v):
    class Inner:
        val = v
        def get(self):
            return v
    return Inner
I = factory(9)
print(I.val, I().get(), I.__qualname__)
class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))
class WithClassCell:
    def m(self):
        return __class__
print(WithClassCell().m().__name__)
