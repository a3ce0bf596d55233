def f(a, b):
    def g():
        a.append(b)
    g()
    return a
