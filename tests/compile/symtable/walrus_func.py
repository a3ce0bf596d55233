def f(xs):
    if any((y := x) > 0 for x in xs):
        return y
