a = *b, c
*a, b = c
print(*a)
x = [*range(3)]
return_value = (*a,)
for x in *a, b: pass
