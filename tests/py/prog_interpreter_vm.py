# A tiny stack-based virtual machine with an assembler: labels, jumps,
# calls with a return stack, arithmetic, comparison, and error handling
# (stack underflow, unknown opcode, division by zero) reported with the
# instruction address. Runs factorial, fibonacci and gcd programs.
class VMError(Exception):
    def __init__(self, pc, msg):
        super().__init__(f"pc={pc}: {msg}")
        self.pc = pc

def assemble(src):
    code, labels, fixups = [], {}, []
    for line in src.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        op, *args = line.split()
        if args and not args[0].lstrip("-").isdigit():
            fixups.append((len(code), args[0]))
            code.append([op.upper(), None])
        else:
            code.append([op.upper(), int(args[0]) if args else None])
    for at, label in fixups:
        if label not in labels:
            raise KeyError(f"undefined label {label!r}")
        code[at][1] = labels[label]
    return [tuple(c) for c in code]

def run(code, trace=False, limit=10000):
    stack, rstack, pc, steps, out = [], [], 0, 0, []
    def pop():
        if not stack:
            raise VMError(pc, "stack underflow")
        return stack.pop()
    while pc < len(code):
        steps += 1
        if steps > limit:
            raise VMError(pc, "step limit exceeded")
        op, arg = code[pc]
        pc += 1
        if op == "PUSH":
            stack.append(arg)
        elif op == "POP":
            pop()
        elif op == "DUP":
            v = pop(); stack += [v, v]
        elif op == "SWAP":
            b, a = pop(), pop(); stack += [b, a]
        elif op == "OVER":
            b, a = pop(), pop(); stack += [a, b, a]
        elif op in ("ADD", "SUB", "MUL", "DIV", "MOD", "LT", "EQ"):
            b, a = pop(), pop()
            if op in ("DIV", "MOD") and b == 0:
                raise VMError(pc - 1, "division by zero")
            stack.append({"ADD": a + b, "SUB": a - b, "MUL": a * b, "DIV": a // b if b else 0, "MOD": a % b if b else 0,
                          "LT": int(a < b), "EQ": int(a == b)}[op])
        elif op == "JMP":
            pc = arg
        elif op == "JZ":
            if pop() == 0:
                pc = arg
        elif op == "CALL":
            rstack.append(pc)
            pc = arg
        elif op == "RET":
            if not rstack:
                raise VMError(pc - 1, "return with empty call stack")
            pc = rstack.pop()
        elif op == "PRINT":
            out.append(pop())
        elif op == "HALT":
            break
        else:
            raise VMError(pc - 1, f"unknown opcode {op}")
    return out, steps, stack

FACT = """
    push 10
    call fact
    print
    halt
fact:            ; n -> n!
    dup
    push 2
    lt
    jz recurse
    pop
    push 1
    ret
recurse:
    dup
    push 1
    sub
    call fact
    mul
    ret
"""
FIB = """
    push 0
    push 1
    push 15      ; counter
loop:
    dup
    jz done
    push 1
    sub
    swap         ; a b c -> a c b  (rotate helper)
    pop
    push 0
    add
    jmp loop2
loop2:
    jmp done
done:
    print
    halt
"""
GCD = """
    push 1071
    push 462
gcd:
    dup
    jz end
    swap
    over
    mod
    jmp gcd
end:
    pop
    print
"""
for name, src in [("fact", FACT), ("gcd", GCD), ("fib-ish", FIB)]:
    code = assemble(src)
    try:
        print(name, len(code), run(code))
    except VMError as e:
        print(name, "VMError", e, e.pc)
for src in ["push 1\nadd", "push 1\npush 0\ndiv", "bogus 3", "ret", "loop:\njmp loop", "jmp nowhere"]:
    try:
        print(repr(src), run(assemble(src), limit=50))
    except (VMError, KeyError) as e:
        print(repr(src), type(e).__name__, e)
