x = lambda: (yield)
y = lambda x: x if x else None
z = [lambda: i for i in range(3)]
