def run(prog):
    stack = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b}
    for tok in prog.split():
        if tok in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        elif tok == "dup":
            stack.append(stack[-1])
        else:
            stack.append(int(tok))
    return stack
print(run("3 4 + 2 *"), run("10 dup *"), run("7 2 /"))
try:
    run("1 +")
except IndexError as e:
    print("IndexError", e)
try:
    run("1 0 /")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
