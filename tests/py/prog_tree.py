class Tree:
    def __init__(self, v, left=None, right=None):
        self.v, self.left, self.right = v, left, right
    def insert(self, v):
        if v < self.v:
            if self.left: self.left.insert(v)
            else: self.left = Tree(v)
        else:
            if self.right: self.right.insert(v)
            else: self.right = Tree(v)
    def __iter__(self):
        if self.left: yield from self.left
        yield self.v
        if self.right: yield from self.right
    def depth(self):
        return 1 + max(self.left.depth() if self.left else 0, self.right.depth() if self.right else 0)
t = Tree(50)
for v in [30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(v)
print(list(t), t.depth())
