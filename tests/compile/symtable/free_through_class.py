def f():
    x = 1
    class C:
        def g(self):
            def h():
                return x
            return h
    return C
