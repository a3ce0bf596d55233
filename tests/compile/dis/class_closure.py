def f(v):
    class C:
        x = v
        def m(self):
            return v
    return C
