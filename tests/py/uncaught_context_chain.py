def a():
    try:
        1 / 0
    except ZeroDivisionError:
        b()
def b():
    try:
        [][1]
    except IndexError as e:
        raise RuntimeError("third") from None
try:
    a()
except RuntimeError:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("final")
