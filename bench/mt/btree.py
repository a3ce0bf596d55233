"""A B-tree shared by T threads; every operation is one `with atomic:` block.

    stmpy bench/mt/btree.py T OPS

The tree starts with the even keys of KEYS // 4 random draws (KEYS = 2**16).  Then OPS
operations in all, split between the threads: operation i (its key drawn
from i by a hash, so the set of operations does not depend on T) is, one
time in four, the insertion of an odd key, and otherwise the look-up of
an even key.  Inserted keys are odd and looked-up keys even, so the
number of hits is the same for every T and every interleaving.  Each
thread counts its hits and insertions in local variables; the tree has
no shared counter.  Checksum: hits, number of keys, and a hash of the
keys in order (after a check of the tree's invariants).
"""
import sys
import threading

try:
    from transaction import atomic
except ImportError:
    import os
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
    from transaction import atomic

ORDER = 16                  # a node holds at most 2*ORDER-1 keys
KEYS = 1 << 16              # keys are in range(KEYS)


class Node:
    __slots__ = ("keys", "children")

    def __init__(self, keys, children):
        self.keys = keys            # sorted list
        self.children = children    # None for a leaf, else len(keys) + 1 nodes


def bisect(keys, key):
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) >> 1
        if keys[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


class BTree:
    def __init__(self):
        self.root = Node([], None)

    def contains(self, key):
        node = self.root
        while True:
            keys = node.keys
            i = bisect(keys, key)
            if i < len(keys) and keys[i] == key:
                return True
            if node.children is None:
                return False
            node = node.children[i]

    def _split_child(self, parent, i):
        child = parent.children[i]
        keys = child.keys
        mid = keys[ORDER - 1]
        right = Node(keys[ORDER:], None if child.children is None else child.children[ORDER:])
        child.keys = keys[:ORDER - 1]
        if child.children is not None:
            child.children = child.children[:ORDER]
        parent.keys.insert(i, mid)
        parent.children.insert(i + 1, right)

    def insert(self, key):
        """Adds key; returns False if it was there already.  Splits full
        nodes on the way down, so that only the nodes on the path (and the
        root pointer, when the root splits) are written."""
        if self.contains(key):
            return False
        root = self.root
        if len(root.keys) == 2 * ORDER - 1:
            root = Node([], [root])
            self._split_child(root, 0)
            self.root = root
        node = root
        while True:
            i = bisect(node.keys, key)
            if node.children is None:
                node.keys.insert(i, key)
                return True
            child = node.children[i]
            if len(child.keys) == 2 * ORDER - 1:
                self._split_child(node, i)
                if key > node.keys[i]:
                    i += 1
                child = node.children[i]
            node = child

    def walk(self, node, out):
        if node.children is None:
            out.extend(node.keys)
            return
        for i, k in enumerate(node.keys):
            self.walk(node.children[i], out)
            out.append(k)
        self.walk(node.children[-1], out)

    def check(self, node, lo, hi, depth, leaf_depths):
        keys = node.keys
        assert node is self.root or ORDER - 1 <= len(keys) <= 2 * ORDER - 1
        for a, b in zip(keys, keys[1:]):
            assert a < b
        assert not keys or (lo is None or lo < keys[0]) and (hi is None or keys[-1] < hi)
        if node.children is None:
            leaf_depths.add(depth)
            return
        assert len(node.children) == len(keys) + 1
        bounds = [lo] + keys + [hi]
        for i, c in enumerate(node.children):
            self.check(c, bounds[i], bounds[i + 1], depth + 1, leaf_depths)


def mix(i):
    """A hash of i in range(2**32): the random draw of operation i."""
    x = (i * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x2C1B3C6D) & 0xFFFFFFFF
    x ^= x >> 12
    return x


def work(tree, lo, hi, results, k):
    hits = inserted = 0
    for i in range(lo, hi):
        x = mix(i)
        key = (x >> 2) % KEYS
        if x & 3 == 0:
            with atomic:
                if tree.insert(key | 1):
                    inserted += 1
        else:
            with atomic:
                if tree.contains(key & ~1):
                    hits += 1
    results[k] = (hits, inserted)


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    tree = BTree()
    for i in range(KEYS // 4):   # the initial even keys
        tree.insert(mix(n + i) % KEYS & ~1)
    results = [None] * t
    threads = [threading.Thread(target=work, args=(tree, k * n // t, (k + 1) * n // t, results, k))
               for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if None in results:
        raise SystemExit("btree: a thread failed")
    depths = set()
    tree.check(tree.root, None, None, 0, depths)
    assert len(depths) == 1
    keys = []
    tree.walk(tree.root, keys)
    h = 0
    for key in keys:
        h = (h * 1000003 + key) % 1000000007
    hits = sum(r[0] for r in results)
    print("btree", n, hits, len(keys), h)


main()
