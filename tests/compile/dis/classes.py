class C(Base, metaclass=M):
    '''doc'''
    x: int = 1
    def m(self):
        return super().m() + __class__.x

@dec
class D:
    pass
