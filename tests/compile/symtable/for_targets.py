def f(a):
    for i, (j, *k) in a:
        pass
    return i
