class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1
    def peek(self):
        self.ws()
        return self.s[self.i]
    def expect(self, c):
        if self.peek() != c:
            raise SyntaxError(f"expected {c!r} at {self.i}")
        self.i += 1
    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            j = self.s.index('"', self.i + 1)
            v = self.s[self.i + 1:j]
            self.i = j + 1
            return v
        j = self.i
        while j < len(self.s) and (self.s[j].isalnum() or self.s[j] in "-."):
            j += 1
        word, self.i = self.s[self.i:j], j
        consts = {"true": True, "false": False, "null": None}
        if word in consts:
            return consts[word]
        return float(word) if "." in word else int(word)
    def arr(self):
        self.expect("[")
        out = []
        while self.peek() != "]":
            out.append(self.value())
            if self.peek() == ",":
                self.i += 1
        self.i += 1
        return out
    def obj(self):
        self.expect("{")
        out = {}
        while self.peek() != "}":
            k = self.value()
            self.expect(":")
            out[k] = self.value()
            if self.peek() == ",":
                self.i += 1
        self.i += 1
        return out
print(Parser('{"a": [1, 2, {"b": null}], "c": "str", "d": true, "e": -3.5}').value())
try:
    Parser('{"a" 1}').value()
except SyntaxError as e:
    print("SyntaxError:", e)
