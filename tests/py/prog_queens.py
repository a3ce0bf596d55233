def solve(n):
    count = 0
    cols = [0] * n
    def ok(r, c):
        for pr in range(r):
            pc = cols[pr]
            if pc == c or abs(pc - c) == r - pr:
                return False
        return True
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if ok(r, c):
                cols[r] = c
                place(r + 1)
    place(0)
    return count
print([solve(n) for n in range(1, 8)])
