from __future__ import annotations
def f(a: lambda x, *y, z=1, **k: x, b: {**d, 'k': v}, d: f'{x!r:>{w}}{{', e: a if b else c, g: not a, h: -a ** -b, i: (a, b), j: a[b:c, ::2], k: [x async for x in y if x], o: x.y.z, p: 1 .real, q: "it's", r: b'x', s: ..., t: {1, 2}, u: (lambda: 1)(), v: a < b < c, w: f(x for x in y), y: f(*a, **k)) -> 'ret': pass
