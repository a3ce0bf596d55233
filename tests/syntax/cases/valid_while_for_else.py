while x:
    break
else:
    pass
for i in range(10):
    continue
else:
    pass
for a, b in c: pass
for (a, b), *c in d: pass
for x in 1, 2, 3: pass
for x in *a, *b: pass
