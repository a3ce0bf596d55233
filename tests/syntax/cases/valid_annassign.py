x: int
y: list[int] = []
(z): float = 1.0
a.b: str = "s"
c[0]: int = 3
d: int = (yield_value := 3)
