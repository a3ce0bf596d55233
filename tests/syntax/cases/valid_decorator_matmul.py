@a @ b
def f(): pass
x = a @ b
x @= c
