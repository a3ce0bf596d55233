class C(B, metaclass=M):
    x = 1
    def m(self):
        return x
