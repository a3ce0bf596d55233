for i in range(3):
    if i == 5:
        break
else:
    print("for else ran")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
for i in range(4):
    if i % 2:
        continue
    print("even", i)
for x in []:
    print("never")
else:
    print("empty else")
for i, ch in enumerate("ab"):
    for j in range(2):
        if j == 1:
            break
        print(i, ch, j)
i = 10
for i in range(2):
    pass
print(i)
