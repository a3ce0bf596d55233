print("hello", end="")
print()
exec("x = 1")
