def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])
print((1 if True else 2) + (3 if False else 4))
v = [] or None
print(v, 0 or "" or [] or "last")
print(1 and 2 and 3, 1 and 0 and 3)
def side(x):
    print("side", x)
    return x
print(side(0) and side(1), side(1) or side(2))
