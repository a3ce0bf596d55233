f = lambda a, *, b=1, c: (a, b, c)
