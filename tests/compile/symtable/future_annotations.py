from __future__ import annotations
x: int = 1
def f(a: A) -> R:
    z: Z = 2
