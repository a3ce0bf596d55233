from __future__ import annotations
x: List[int] = []
def f(a: Dict[str, int], *b: 'q', c: lambda: 1 = 2) -> Tuple[int, ...]:
    pass
