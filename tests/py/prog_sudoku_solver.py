# A sudoku solver with constraint propagation and backtracking, using
# sets, dict comprehensions, generators and recursion; prints the solved
# grids and the number of search steps (deterministic).
digits = "123456789"
rows = "ABCDEFGHI"
cols = digits
def cross(a, b):
    return [x + y for x in a for y in b]
squares = cross(rows, cols)
unitlist = ([cross(rows, c) for c in cols] + [cross(r, cols) for r in rows] +
            [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
units = {s: [u for u in unitlist if s in u] for s in squares}
peers = {s: set(sum(units[s], [])) - {s} for s in squares}
steps = 0

def parse(grid):
    values = {s: digits for s in squares}
    for s, d in zip(squares, grid):
        if d in digits and not assign(values, s, d):
            return False
    return values

def assign(values, s, d):
    other = values[s].replace(d, "")
    return values if all(eliminate(values, s, d2) for d2 in other) else False

def eliminate(values, s, d):
    if d not in values[s]:
        return values
    values[s] = values[s].replace(d, "")
    if not values[s]:
        return False
    if len(values[s]) == 1:
        d2 = values[s]
        if not all(eliminate(values, s2, d2) for s2 in peers[s]):
            return False
    for u in units[s]:
        places = [s2 for s2 in u if d in values[s2]]
        if not places:
            return False
        if len(places) == 1 and not assign(values, places[0], d):
            return False
    return values

def search(values):
    global steps
    if values is False:
        return False
    if all(len(values[s]) == 1 for s in squares):
        return values
    steps += 1
    n, s = min((len(values[s]), s) for s in squares if len(values[s]) > 1)
    for d in values[s]:
        result = search(assign(values.copy(), s, d))
        if result:
            return result
    return False

def show(values):
    lines = []
    for r in rows:
        lines.append(" ".join(values[r + c] + (" |" if c in "36" else "") for c in cols))
        if r in "CF":
            lines.append("-" * 23)
    return "\n".join(lines)

puzzles = [
    "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "..3.2.6..9..3.5..1..18.64....81.29..7.......8..67.82....26.95..8..2.3..9..5.1.3..",
]
for p in puzzles:
    steps = 0
    solved = search(parse(p))
    print(show(solved))
    ok = all(sorted(solved[s] for s in u) == list(digits) for u in unitlist)
    print("valid:", ok, "search steps:", steps)
print(search(parse("11" + "." * 79)))
