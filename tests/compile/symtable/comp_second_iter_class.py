class C:
    a = [1]
    b = [2]
    c = [(i, j) for i in a for j in b]
