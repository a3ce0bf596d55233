def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def accumulate():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    def get():
        return total
    return add, get
add, get = accumulate()
add(5)
add(7)
print(get())
def rec_inner(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(rec_inner(10))
def shadow():
    len = lambda x: "shadowed"
    return len([1])
print(shadow(), len([1]))
def deep():
    x = 0
    def a():
        def b():
            def c():
                nonlocal x
                x += 1
            c()
        b()
    a(); a()
    return x
print(deep())
