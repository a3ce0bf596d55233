def sub():
    x = yield "s1"
    print("sub got", x)
    yield "s2"
    return "sub result"
def delegate():
    r = yield from sub()
    print("delegate got", r)
    yield from [10, 20]
    yield from range(2)
    return "end"
g = delegate()
print(next(g), g.send("hello"), next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def thrower():
    try:
        yield 1
    except KeyError:
        yield "sub handled"
def outer():
    yield from thrower()
g = outer()
next(g)
print(g.throw(KeyError))
def closer():
    try:
        yield 1
    finally:
        print("sub finally")
def outer2():
    yield from closer()
g = outer2()
next(g)
g.close()
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1], (2, 3))))
def gen_ret():
    return (yield from iter([]))
print(list(gen_ret()))
