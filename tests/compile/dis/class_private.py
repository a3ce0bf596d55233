class C:
    __a = 1
    def __m(self, __p):
        return self.__a + __p
