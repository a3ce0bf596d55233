import string, functools, operator, itertools, re, json, random, heapq, bisect
print(string.ascii_lowercase[:5], functools.reduce(operator.add, [1, 2, 3]))
print(list(itertools.permutations("ab")), list(itertools.accumulate([1, 2, 3])))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"a", "b", "banana"))
print(json.dumps({"a": [1, 2, None]}), json.loads('{"x": true}'))
random.seed(1)
print(len([random.random() for _ in range(3)]))
h = [5, 1, 3]
heapq.heapify(h)
print(heapq.heappop(h), bisect.bisect([1, 3, 5], 4))
import dataclasses
@dataclasses.dataclass
class DC:
    x: int
    y: str = "d"
print(DC(1), DC(2, "z") == DC(2, "z"))
import enum
class E(enum.Enum):
    A = 1
    B = 2
print(E.A, E(2), [e.name for e in E])
import textwrap
print(textwrap.fill("the quick brown fox jumps", width=10))
import abc
class Abs(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
try:
    Abs()
except TypeError as e:
    print(e)
