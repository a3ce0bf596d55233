def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case [_, [y, *_], *_]:
            return f"nested {y}"
        case {"k": v, **others}:
            return f"map k={v} others={others}"
        case {"a": 1}:
            return "a1"
        case str() as s:
            return "string " + s
        case _:
            return "nomatch"
for v in [[], [5], [1, 2, 3], (4, 5, 6), [0, [9, 8]], {"k": 2, "z": 3}, {"a": 1}, "xy", "s", 42, (7, 8)]:
    print(m(v))
