def m(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case "s":
            return "str s"
        case None:
            return "none"
        case True:
            return "true"
        case -5:
            return "minus five"
        case 3.5:
            return "float"
        case _:
            return "other"
for v in [0, 1, 2, "s", None, True, -5, 3.5, 99, False]:
    print(repr(v), m(v))
