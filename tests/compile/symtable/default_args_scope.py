def f(x):
    def g(a=x, *, b=lambda: x):
        return a
    return g
