1, b = x
