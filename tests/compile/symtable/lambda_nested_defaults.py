def f(a):
    return lambda b=a: lambda c=b: (a, b, c)
