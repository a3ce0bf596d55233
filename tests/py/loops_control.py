# Loops: for/while with else, break/continue in nested loops, loop
# variable after the loop, modifying the iterated list, range steps,
# iteration over dict while reading, and try/finally interplay with loops.
for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else ran, n =", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
for x in []:
    pass
else:
    print("empty for-else")
print([(i, j) for i in range(3) for j in range(3) if i != j][:4])
found = None
for i in range(2, 20):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        if i > 10:
            found = i
            break
print("first prime above 10:", found)
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
items = [1, 2, 3, 4]
for it in items:
    if it == 2:
        items.remove(it)
print(items)
items = [1, 2, 3]
count = 0
for it in items:
    count += 1
    if count < 5:
        items.append(it * 10)
print(items, count)
i = 10
for i in range(0):
    pass
print("i unchanged:", i)
total = 0
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    total += a * b * c
print(total)
d = {"x": 1, "y": 2}
for k in d:
    d[k] += 1
print(d)
for k, v in sorted(d.items(), key=lambda kv: -kv[1]):
    print(k, v, end="; ")
print()
def gen_with_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            yield i
        finally:
            print("finally", i)
print(list(gen_with_finally()))
def find(seq, target):
    for idx, val in enumerate(seq):
        if val == target:
            return idx
    return -1
print(find("hello", "l"), find("hello", "z"))
k = 0
while k < 10:
    k += 1
    if k % 3:
        continue
    print("multiple of 3:", k)
nested_break = []
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        nested_break.append((a, b))
    else:
        nested_break.append("inner else")
print(nested_break)
for ch in "ab":
    for num in (1, 2):
        pass
print(ch, num)
it = iter(range(5))
for v in it:
    if v == 1:
        print("skipping", next(it))
print("done", list(it))
x = 5
while x:
    x //= 2
    print(x, end=" ")
print()
for _ in range(2):
    try:
        break
    finally:
        print("finally before break")
lst = [0] * 3
for lst[1] in range(3):
    pass
print(lst)
