match a, b:
    case 1, 2: pass
match *a, b:
    case _: pass
match (a := b):
    case _: pass
match -x:
    case _: pass
match f(x):
    case _: pass
match [1, 2]:
    case _: pass
