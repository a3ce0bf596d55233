def f(x, w):
    return f'{x!r:>{w}}' + f'{y}'
