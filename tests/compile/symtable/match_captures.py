def f(x):
    match x:
        case [a, *rest]:
            return a
        case {'k': v, **kw}:
            return v
        case P(q, r=s) | P(s, r=q):
            return q
        case t if t:
            return t
