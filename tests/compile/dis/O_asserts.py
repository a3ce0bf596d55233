'''module doc'''
assert x
if __debug__:
    print(1)
def f():
    '''doc'''
    assert y, 'm'
