def inner():
    raise KeyError("missing")
try:
    inner()
except KeyError:
    raise ValueError("while handling")
