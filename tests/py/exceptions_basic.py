try:
    raise ValueError("bad", 2)
except ValueError as e:
    print(e, e.args, repr(e), type(e).__name__)
try:
    raise KeyError("k")
except LookupError as e:
    print(repr(e), str(e))
try:
    {}["x"]
except Exception as e:
    print(type(e).__mro__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        1 / 0
    except ZeroDivisionError:
        return "except"
    else:
        return "else"
    finally:
        print("g finally")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
h()
try:
    try:
        raise TypeError("inner")
    finally:
        print("cleanup")
except TypeError as e:
    print("outer caught", e)
try:
    pass
except Exception:
    print("no")
else:
    print("else ran")
e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
print(ValueError(), repr(ValueError()), str(Exception("a", "b")), repr(Exception("x")), BaseException().args)
def swallow():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(swallow())
