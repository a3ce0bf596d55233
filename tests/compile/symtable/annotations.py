x: int = 1
y: List[int]
def f(a: A, *b: B, c: C = 1, **d: D) -> R:
    z: Z = 2
    w: W
