class Thing:
    def __init__(self, v):
        self.v = int(v)
Thing("12")
Thing("nope")
