if (n := len(a)) > 10:
    print(n)
print([y := f(x), y ** 2])
def g(xs):
    return [z for x in xs if (z := x)]
