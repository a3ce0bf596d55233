def a(x):
    def b():
        def c():
            def d():
                return x
            return d
        return c
    return b
