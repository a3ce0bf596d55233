class C:
    def method(self):
        return [1, 2][5]
    @property
    def prop(self):
        return self.method()
C().prop
