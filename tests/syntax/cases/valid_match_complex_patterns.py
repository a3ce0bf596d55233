match p:
    case {"x": [1, *_], **kw} if kw:
        pass
    case Point(x=0, y=0) | Point(x=1):
        pass
    case [Point(x=0), *rest] as whole:
        pass
    case str() | bytes():
        pass
    case -0.5 | 1e3 | 0x10:
        pass
