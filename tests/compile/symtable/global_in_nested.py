def f():
    x = 1
    def g():
        global x
        return x
    return g
