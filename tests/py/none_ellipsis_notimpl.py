print(None, repr(None), type(None)(), bool(None), None == 0, None is None)
print(..., Ellipsis is ..., repr(Ellipsis), type(...)())
print(NotImplemented, type(NotImplemented)(), bool(1))
try:
    None.x
except AttributeError as e:
    print(e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(e)
try:
    None + 1
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
def nothing():
    pass
print(nothing(), nothing() is None)
