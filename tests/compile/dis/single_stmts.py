x = 1
x + 2
for i in y:
    i
