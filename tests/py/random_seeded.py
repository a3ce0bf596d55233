# random with fixed seeds: the sequences must equal CPython's exactly for
# random(), randint, randrange, choice, choices with weights, shuffle,
# sample, uniform, gauss-free distributions, getrandbits, and Random
# instances with their own state; seeding with str/bytes/int/None-free.
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(8)], random.randrange(10), random.randrange(5, 6))
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choices(range(10), k=5))
print(random.choices("abc", weights=[10, 1, 1], k=8), random.choices("xy", cum_weights=[1, 2], k=4))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 5), random.sample("abcdef", k=3))
print(round(random.uniform(1, 2), 12), random.getrandbits(64), random.getrandbits(1), random.getrandbits(200))
print(round(random.triangular(0, 10, 3), 12), round(random.betavariate(2, 3), 12), round(random.expovariate(1.5), 12))
print(round(random.normalvariate(0, 1), 12), round(random.lognormvariate(0, 0.5), 12), round(random.vonmisesvariate(1, 2), 12))
print(round(random.gammavariate(2, 1), 12), round(random.paretovariate(3), 12), round(random.weibullvariate(1, 2), 12))
print(random.randbytes(6))

for seed in ["a string", b"bytes seed", 2**100, -7, 3.5 if False else 0]:
    random.seed(seed)
    print(repr(seed)[:12], random.random(), random.randint(0, 10**6))
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(1, 6), r2.randint(1, 6))
state = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(state)
print(a == [r1.random() for _ in range(3)])
random.seed(2024)
big = [random.randrange(10**30) for _ in range(3)]
print(big)
print(random.sample(range(10**9), 3), random.sample(population=list("xyz"), k=3, counts=None))
for bad in (lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]),
            lambda: random.sample([1, 2], 3), lambda: random.randrange(1, 2, 0), lambda: random.choices("ab", [1], k=2),
            lambda: random.getrandbits(-1)):
    try:
        print(bad())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
class MyRandom(random.Random):
    def random(self):
        return 0.5
print(MyRandom().choice("abc"), MyRandom().randrange(10))
