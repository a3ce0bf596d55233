class C:
    n = 3
    xs = list(i for i in range(n))
