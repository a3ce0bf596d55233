[True] = x
