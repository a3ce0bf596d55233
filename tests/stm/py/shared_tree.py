# A binary search tree with subtree sizes, shared and modified by more
# threads than cores: each thread inserts its own keys and deletes half of
# them again, each operation in a `with atomic` block (then under a Lock,
# then as TransactionQueue calls).  At the end the structure is checked:
# keys in order, sizes exact, parent links right, contents as expected.
# Then a general tree grown by threads, whose per-node descendant counts
# must add up.
import threading
from transaction import atomic, TransactionQueue


class Node:
    __slots__ = ("key", "left", "right", "parent", "size")

    def __init__(self, key, parent):
        self.key = key
        self.left = self.right = None
        self.parent = parent
        self.size = 1


class Tree:
    def __init__(self):
        self.root = None

    def insert(self, key):
        if self.root is None:
            self.root = Node(key, None)
            return True
        n = self.root
        while True:
            if key == n.key:
                return False
            side = "left" if key < n.key else "right"
            child = getattr(n, side)
            if child is None:
                setattr(n, side, Node(key, n))
                break
            n = child
        while n is not None:
            n.size += 1
            n = n.parent
        return True

    def find(self, key):
        n = self.root
        while n is not None and n.key != key:
            n = n.left if key < n.key else n.right
        return n

    def _replace(self, n, child):
        if n.parent is None:
            self.root = child
        elif n.parent.left is n:
            n.parent.left = child
        else:
            n.parent.right = child
        if child is not None:
            child.parent = n.parent

    def delete(self, key):
        n = self.find(key)
        if n is None:
            return False
        if n.left is not None and n.right is not None:
            s = n.right
            while s.left is not None:
                s = s.left
            n.key = s.key           # move the successor's key up
            n = s
        child = n.left if n.left is not None else n.right
        p = n.parent
        self._replace(n, child)
        while p is not None:
            p.size -= 1
            p = p.parent
        return True

    def check(self):
        """Returns the keys in order; asserts every invariant."""
        keys = []

        def walk(n, lo, hi, parent):
            if n is None:
                return 0
            assert n.parent is parent
            assert (lo is None or n.key > lo) and (hi is None or n.key < hi)
            a = walk(n.left, lo, n.key, n)
            keys.append(n.key)
            b = walk(n.right, n.key, hi, n)
            assert n.size == a + b + 1, (n.key, n.size, a, b)
            return n.size

        walk(self.root, None, None, None)
        return keys


NT = 8
PER = 50


def keys_of(i):
    x = i * 7919 + 17
    ks = []
    while len(ks) < PER:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = (x >> 4) % 100000 * NT + i      # disjoint between threads
        if k not in ks:
            ks.append(k)
    return ks


expected = sorted(k for i in range(NT) for k in keys_of(i)[1::2])


def run_threads(op_block):
    tree = Tree()
    bad = []

    def worker(i):
        ks = keys_of(i)
        for k in ks:
            with op_block:
                if not tree.insert(k):
                    bad.append(("insert", k))
        for j, k in enumerate(ks[::2]):
            with op_block:
                if not tree.delete(k):
                    bad.append(("delete", k))
                if j % 10 == 0:           # a check inside the same block
                    if tree.find(k) is not None:
                        bad.append(("still there", k))
                    for kk in ks[1::2]:
                        if tree.find(kk) is None:
                            bad.append(("lost", kk))

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(NT)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert bad == [], bad[:5]
    return tree


tree = run_threads(atomic)
assert tree.check() == expected
print("atomic: size", tree.root.size, "in order, sizes and parents exact")

tree = run_threads(threading.Lock())
assert tree.check() == expected
print("lock: size", tree.root.size, "in order, sizes and parents exact")

tree = Tree()
tq = TransactionQueue()
for i in range(NT):
    for k in keys_of(i):
        tq.add(tree.insert, k)
tq.run()
tq2 = TransactionQueue()
for i in range(NT):
    for k in keys_of(i)[::2]:
        tq2.add(tree.delete, k)
tq2.run()
assert tree.check() == expected
print("queue: size", tree.root.size, "in order, sizes and parents exact")

# A general tree: threads hang new children under existing nodes; every
# node counts its descendants, updated along the path to the root.
class GNode:
    def __init__(self, ident, parent):
        self.ident = ident
        self.parent = parent
        self.children = []
        self.below = 0


root = GNode("r", None)
nodes = [root]


def grow(i):
    x = i + 1
    for k in range(40):
        x = (x * 69069 + 1) & 0xFFFFFFFF
        with atomic:
            p = nodes[x % len(nodes)]
            n = GNode((i, k), p)
            p.children.append(n)
            nodes.append(n)
            while p is not None:
                p.below += 1
                p = p.parent


ts = [threading.Thread(target=grow, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()


def gcheck(n):
    total = 0
    for c in n.children:
        assert c.parent is n
        total += 1 + gcheck(c)
    assert n.below == total
    return total


assert gcheck(root) == NT * 40 == len(nodes) - 1
assert sorted(n.ident for n in nodes[1:]) == [(i, k) for i in range(NT) for k in range(40)]
print("general tree:", root.below, "descendants, counts exact")
