def f(xs):
    global g
    [g := x for x in xs]
