g = 0
def f():
    global g
    g = g + 1
    del g
class K:
    x = 1
    def m(self):
        return x
