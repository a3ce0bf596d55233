f = lambda a, b=2, *c, **d: a + b + e
