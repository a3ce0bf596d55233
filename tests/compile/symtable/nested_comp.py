def f(m):
    return [[c for c in row] for row in m]
