class C:
    y = 1
    xs = [y for _ in range(3)]
    zs = [x for x in range(y)]
