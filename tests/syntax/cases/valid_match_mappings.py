match x:
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": b, **rest}:
        pass
    case {1: _, C.attr: [a], -1: b, 1+2j: c, None: d}:
        pass
