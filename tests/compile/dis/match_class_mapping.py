match v:
    case {'a': 1, **rest}:
        pass
    case C(1, 2, k=3):
        pass
    case [1, *_, 2]:
        pass
    case {}:
        pass
    case (x, y) if x > y:
        pass
