a = [x * 2 for x in range(3) if x]
b = {x: y for x, y in z}
c = (x for x in y for y in z)
d = {x for x in [1, 2, 3]}
