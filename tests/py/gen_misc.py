def g():
    yield 1
gen = g()
print(iter(gen) is gen, gen.gi_running, gen.gi_code.co_name)
def counter():
    i = 0
    while i < 3:
        i += 1
        yield i
c = counter()
for v in c:
    if v == 2:
        break
print(list(c))
def gen_in_class():
    class K:
        def items(self):
            yield from (1, 2)
    return list(K().items())
print(gen_in_class())
def lazy():
    print("started")
    yield
l = lazy()
print("created")
next(l)
def gen_exc():
    try:
        yield
    finally:
        print("finalizer")
x = gen_exc()
next(x)
x.close()
import sys
def exc_state():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
e = exc_state()
print(next(e), sys.exc_info(), next(e))
