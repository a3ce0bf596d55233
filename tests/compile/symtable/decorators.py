@dec(a)
def f(x=default):
    pass
@cdec
class C:
    pass
