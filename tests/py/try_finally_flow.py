def f1():
    try:
        return 1
    finally:
        return 2
def f2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop done"
def f3():
    try:
        raise ValueError
    finally:
        return "suppressed"
def f4():
    r = []
    while True:
        try:
            r.append(1)
            break
        finally:
            r.append("fin")
    return r
def f5():
    try:
        try:
            raise KeyError("a")
        finally:
            print("inner finally")
    except KeyError as e:
        return "caught " + str(e)
def f6():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
print(f1(), f2(), f3(), f4(), f5(), f6())
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("converted")
        finally:
            print("nested finally")
    except ValueError as e:
        print("outer", e, type(e.__context__).__name__)
nested()
def exc_in_except():
    try:
        raise KeyError
    except KeyError:
        try:
            raise TypeError
        except TypeError:
            pass
        import sys
        return sys.exc_info()[0].__name__
print(exc_in_except())
