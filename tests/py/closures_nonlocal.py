# Closures: late binding, cells shared between functions, nonlocal in
# nested scopes, closures over loop variables, __closure__ contents,
# class bodies and closures, and the NameError/UnboundLocalError cases.

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def late():
    x = 1
    f = lambda: x
    x = 2
    return f
print(late()())

def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a, b
            a += 10
            b += 20
            return a, b
        r = inner()
        return r, b
    return middle(), a
print(outer())

def shadow():
    x = "outer"
    def f():
        x = "inner"
        def g():
            return x
        return g()
    return f(), x
print(shadow())

def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
unbound()

def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()
print(free_unbound())

def del_cell():
    v = 1
    def r():
        return v
    del v
    try:
        r()
    except NameError as e:
        print(type(e).__name__, e)
del_cell()

try:
    undefined_global_name
except NameError as e:
    print(type(e).__name__, e)

g = "global"
def reads_global():
    return g
def shadows_global():
    g = "local"
    return g
def writes_global():
    global g
    g = "changed"
print(reads_global(), shadows_global(), g)
writes_global()
print(g)

class K:
    v = "class v"
    def m(self):
        return v if False else "method can't see class v"
    lst = [v for _ in range(1)] if False else None
    def closure_over_class(self):
        return __class__.__name__
print(K().m(), K().closure_over_class())

def counter_factory():
    counters = {}
    def bump(name):
        counters[name] = counters.get(name, 0) + 1
        return counters
    return bump
b = counter_factory()
b("a"); b("b")
print(sorted(b("a").items()))

def cell_type():
    x = 5
    def f():
        return x
    return f.__closure__[0]
c = cell_type()
print(type(c).__name__, c.cell_contents)
import types
nc = types.CellType()
try:
    nc.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
nc.cell_contents = 7
print(nc.cell_contents)

def gen_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
        yield total
    return add
ga = gen_closure()
print(next(ga(3)), next(ga(4)))

def comprehension_scope():
    x = 10
    return [x + i for i in range(3)], {i: x for i in range(2)}, list(x * j for j in range(2))
print(comprehension_scope())
def recursive_closure():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact(10)
print(recursive_closure())
