class C:
    def __init__(self): self.value = 1
try:
    C().valeu
except AttributeError as e:
    print(e)
def f():
    counter = 1
    return countr
f()
