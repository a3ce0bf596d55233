x = 1

if x:
    y = 2
# comment
z = 3
