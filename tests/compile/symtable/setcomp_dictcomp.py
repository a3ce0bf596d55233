def f(xs):
    a = {x for x in xs}
    b = {k: v for k, v in xs}
    return a, b
