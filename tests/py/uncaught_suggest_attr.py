import sys
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 10
c = Config()
try:
    c.timout
except AttributeError as e:
    print("caught:", e, e.name, e.obj is c)
print(c.verbos)
