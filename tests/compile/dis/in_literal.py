if x in [1, 2, 3]:
    pass
if x not in {1, 2}:
    pass
for y in [a, b]:
    pass
