match, case = 1, 2
match(case)
match[case]
match.case
