import sys
print(sys.exc_info()[0])
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])
def f():
    return sys.exception()
try:
    raise TypeError("t")
except TypeError:
    print(type(f()).__name__)
def g():
    try:
        raise IndexError
    except IndexError:
        return "returned"
g()
print(sys.exc_info()[0])
def gen():
    try:
        raise ValueError("g")
    except ValueError:
        yield sys.exception()
it = gen()
print(repr(next(it)), sys.exception())
