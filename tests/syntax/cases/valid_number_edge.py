x = 1if y else 2
z = [0x1for x in y]
a = 1_000_000j
b = 0_0
c = 1.e5
