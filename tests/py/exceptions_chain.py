try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError("first")
    except ValueError as v:
        raise TypeError("second") from v
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise KeyError("x") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError from TypeError
except ValueError as e:
    print(type(e.__cause__).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    try:
        1 / 0
    finally:
        raise RuntimeError("in finally")
except RuntimeError as e:
    print(type(e.__context__).__name__)
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", e)
try:
    raise
except RuntimeError as e:
    print(e)
e = ValueError("v")
e2 = e.with_traceback(None)
print(e is e2, e.__traceback__)
