def f():
    class C:
        def m(self):
            return C
    return C
