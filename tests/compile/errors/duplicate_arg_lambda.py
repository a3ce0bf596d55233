lambda x, *, x=1: x
