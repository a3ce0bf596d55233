x = *a, *b = c
