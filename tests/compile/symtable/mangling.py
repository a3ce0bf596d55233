class C:
    __x = 1
    def __m(self, __a):
        self.__y = __a
        return __x, __z__
