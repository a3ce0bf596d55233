x = 2{x = {-linif x:
c}e = 1
if x:
c}   "


