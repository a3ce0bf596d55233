class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")
try:
    raise BadStr()
except BadStr as e:
    err = e
def f():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise ExceptionGroup("wrapped", [TypeError("t"), KeyError("k")]) from e
f()
