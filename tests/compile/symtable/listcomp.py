def f(xs):
    return [x * y for x in xs for y in range(x) if x]
