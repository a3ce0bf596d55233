match x:
    case C():
        pass
    case C(a, b):
        pass
    case C(a=1, b=2):
        pass
    case C(1, b=2):
        pass
    case a.b.C(x=[1, 2]):
        pass
