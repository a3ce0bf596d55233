def f(a, b: int = 1, /, c=2, *args: str, d, e: float = 3.0, **kwargs) -> None:
    """doc"""
    return a
def g(*, a): pass
def h(a, /): pass
def i(a=1, /, b=2): pass
def j(*args, **kwargs): return
def k(a, b, /, c, *, d): ...
