def f(x):
    def g(x):
        def h():
            return x
        return h
    return g
