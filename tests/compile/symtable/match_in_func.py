def f(p):
    match p:
        case {'x': x, **rest} if x:
            return rest
        case [*_]:
            pass
        case C(a=b):
            return b
