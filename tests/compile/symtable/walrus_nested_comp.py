def f(xs):
    return [[(z := y) for y in x] for x in xs], z
