f(a=1, b=2)
f(**{'a': 1})
f(a, *b, c=1, **d)
class A(B, x=1): pass
