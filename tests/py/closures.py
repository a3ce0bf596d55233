def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
def make():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    gs = [lambda: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]
print(make())
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
print(c.__closure__[0].cell_contents, counter.__closure__, c.__code__.co_freevars, counter.__code__.co_cellvars)
def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
unbound()
def local_err():
    try:
        print(z)
    except UnboundLocalError as e:
        print(e)
    z = 3
local_err()
