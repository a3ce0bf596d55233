class C:
    def m(self):
        global __x
        __x = 1
