a = b and c or d
if a and (b or not c):
    pass
x = 1 < y < 3
if 1 < y < 3:
    pass
z = a if b else c
