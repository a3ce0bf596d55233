for i in range(10):
    if i == 3:
        continue
    elif i > 8:
        break
else:
    pass
while x:
    x -= 1
    if x is None:
        break
