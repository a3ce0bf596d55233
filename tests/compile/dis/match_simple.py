match cmd:
    case 1 | 2:
        pass
    case [a, b, *rest]:
        pass
    case {'k': v, **kw}:
        pass
    case Point(x=0, y=yy) if yy > 0:
        pass
    case str() as s:
        pass
    case None:
        pass
    case _:
        pass
