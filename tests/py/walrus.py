data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
while (chunk := data.pop()) != 12:
    print("chunk", chunk)
def f():
    [(z := i) for i in range(3)]
    return z
print(f())
print((w := 5) + w)
