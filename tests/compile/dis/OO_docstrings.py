'''module doc'''
def f():
    '''doc'''
    return 1
class C:
    '''cdoc'''
