match = 1
case = 2
_ = 3
match.x = 4
match[0] = 5
match(x)
print(match, case)
def match(case): return case
match: int = 3
