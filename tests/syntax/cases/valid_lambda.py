f = lambda: 0
g = lambda x, y=1, *args, z, w=2, **kw: x
h = lambda a, /, b: a
i = lambda *, k: k
j = lambda *a, **k: (a, k)
k = lambda x=lambda y: y: x
