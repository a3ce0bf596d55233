# The markers under traceback source lines (CPython 3.11's C printer):
# binary operators and subscripts split into ~ and ^, calls, spans over
# several lines, non-ASCII text, whole lines.  Each case's exception is the
# context of the next, so one uncaught exception prints them all.
d = {"k": 1}
n, s, zero = 3, "s", 0


class Obj:
    pass


def call_fails(x):
    return x + s


def whole():
    1/0


try:
    x = 1 + "a"
except TypeError:
    try:
        v = d["missing"]
    except KeyError:
        try:
            q = n // zero
        except ZeroDivisionError:
            try:
                w = (n) + s
            except TypeError:
                try:
                    y = call_fails(n) * 2
                except TypeError:
                    try:
                        r = call_fails(
                            1,
                        )
                    except TypeError:
                        try:
                            t = "ééé" + n
                        except TypeError:
                            try:
                                v = (Obj()
                                     .missing)
                            except AttributeError:
                                try:
                                    whole()
                                except ZeroDivisionError:
                                    try:
                                        p = [].pop()    
                                    except IndexError:
                                        z = [[1]][0][2]
