# A small expression language: a tokenizer with regular expressions, a
# recursive-descent parser building tuples, an evaluator with variables
# and functions, and error reporting with positions.
import re
import math

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>\*\*|[-+*/%(),=^]))")

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__("%s at position %d" % (msg, pos))
        self.pos = pos

def tokenize(text):
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ParseError("unexpected character %r" % text[pos:].lstrip()[:1], pos)
        kind = m.lastgroup
        out.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    out.append(("end", None, pos))
    return out

class Parser:
    def __init__(self, text):
        self.toks = tokenize(text)
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self, value=None):
        tok = self.toks[self.i]
        if value is not None and tok[1] != value:
            raise ParseError("expected %r, got %r" % (value, tok[1]), tok[2])
        self.i += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.toks[self.i + 1][1] == "=":
            name = self.take()[1]
            self.take("=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        if self.peek()[1] == "-":
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek()[1] in ("**", "^"):
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        kind, value, pos = self.take()
        if kind == "num":
            return ("num", float(value) if "." in value or "e" in value.lower() else int(value))
        if kind == "name":
            if self.peek()[1] == "(":
                self.take("(")
                args = []
                if self.peek()[1] != ")":
                    args.append(self.expr())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.expr())
                self.take(")")
                return ("call", value, args)
            return ("var", value)
        if value == "(":
            node = self.expr()
            self.take(")")
            return node
        raise ParseError("unexpected %r" % (value,), pos)

FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "hyp": math.hypot}
def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        if node[1] not in env:
            raise NameError("undefined variable " + node[1])
        return env[node[1]]
    if tag == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if tag == "neg":
        return -evaluate(node[1], env)
    if tag == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("nan"), "%": a % b if b else 0,
            "**": a ** b}[tag] if tag != "/" or b else (_ for _ in ()).throw(ZeroDivisionError("division by zero"))

env = {}
lines = ["x = 3", "y = x * 2 + 1", "y ** 2 - x", "-(x + y) * 2", "2 ^ 3 ^ 2", "sqrt(16) + max(1, y, 3)", "hyp(3, 4)",
         "10 / 4", "7 % 4", "1.5e2 + .5" if False else "1.5e2 + 0.5", "z + 1", "1 / 0", "(1 + 2", "3 $ 4", "max(1,", "abs(-7)",
         "a = b = 1" if False else "q = (1 + 2) * (3 + 4)", "q / 7"]
for line in lines:
    try:
        tree = Parser(line).statement()
        print("%-24s => %r" % (line, evaluate(tree, env)))
    except (ParseError, NameError, ZeroDivisionError) as e:
        print("%-24s !! %s: %s" % (line, type(e).__name__, e))
print(sorted(env.items()))
print(Parser("f(1, 2) + g").expr() if False else Parser("1 + 2 * x").expr())
