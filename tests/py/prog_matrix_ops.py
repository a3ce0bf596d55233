# A Matrix class with operator overloading (+, -, *, @, **, ==, unary -,
# in-place forms, reflected scalar multiplication), indexing with tuples
# and slices, transpose, determinant and inverse with fractions, and
# errors for mismatched shapes.
from fractions import Fraction

class ShapeError(ValueError):
    pass

class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        if len({len(r) for r in self.rows}) > 1:
            raise ShapeError("ragged rows")
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return (len(self.rows), len(self.rows[0]) if self.rows else 0)
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            if isinstance(r, slice) or isinstance(c, slice):
                rows = self.rows[r] if isinstance(r, slice) else [self.rows[r]]
                return Matrix([row[c] if isinstance(c, slice) else [row[c]] for row in rows])
            return self.rows[r][c]
        return self.rows[idx]
    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v
    def _zip(self, other, op):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.shape != other.shape:
            raise ShapeError(f"shapes {self.shape} and {other.shape} differ")
        return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __add__(self, o):
        return self._zip(o, lambda a, b: a + b)
    def __sub__(self, o):
        return self._zip(o, lambda a, b: a - b)
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self._zip(k, lambda a, b: a * b)
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, o):
        if self.shape[1] != o.shape[0]:
            raise ShapeError(f"cannot multiply {self.shape} by {o.shape}")
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result
    def __neg__(self):
        return self * -1
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    __hash__ = None
    def T(self):
        return Matrix(zip(*self.rows))
    def det(self):
        n = self.shape[0]
        m = [[Fraction(x) for x in r] for r in self.rows]
        d = Fraction(1)
        for i in range(n):
            p = next((k for k in range(i, n) if m[k][i] != 0), None)
            if p is None:
                return Fraction(0)
            if p != i:
                m[i], m[p] = m[p], m[i]
                d = -d
            d *= m[i][i]
            for k in range(i + 1, n):
                f = m[k][i] / m[i][i]
                m[k] = [a - f * b for a, b in zip(m[k], m[i])]
        return d
    def inverse(self):
        n = self.shape[0]
        aug = [[Fraction(x) for x in r] + [Fraction(int(i == j)) for j in range(n)] for i, r in enumerate(self.rows)]
        for i in range(n):
            p = next((k for k in range(i, n) if aug[k][i] != 0), None)
            if p is None:
                raise ZeroDivisionError("matrix is singular")
            aug[i], aug[p] = aug[p], aug[i]
            piv = aug[i][i]
            aug[i] = [x / piv for x in aug[i]]
            for k in range(n):
                if k != i:
                    f = aug[k][i]
                    aug[k] = [a - f * b for a, b in zip(aug[k], aug[i])]
        return Matrix([r[n:] for r in aug])
    def __repr__(self):
        return "Matrix(" + ", ".join("[" + " ".join(str(x) for x in r) + "]" for r in self.rows) + ")"

A = Matrix([[2, 1], [1, 3]])
B = Matrix([[1, 2], [3, 4]])
print(A + B, A - B, A * 3, 3 * A, A * B, A @ B, -A, A ** 5, A.T(), A.shape)
print(A == Matrix([[2, 1], [1, 3]]), A != B, A[0, 1], A[1], A[:, 1], A[0, :])
C = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
print(C.det(), C.inverse(), C @ C.inverse() == Matrix.identity(3), Matrix([[1, 2], [2, 4]]).det())
acc = Matrix.identity(2)
acc += A
acc @= B
acc *= 2
print(acc)
fib = Matrix([[1, 1], [1, 0]]) ** 30
print(fib[0, 1])
for bad in [lambda: A + C, lambda: A @ C, lambda: Matrix([[1], [2, 3]]), lambda: Matrix([[1, 2], [2, 4]]).inverse(),
            lambda: A + 1, lambda: hash(A), lambda: A < B]:
    try:
        print(bad())
    except (ShapeError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
