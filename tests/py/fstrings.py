name, n = "stm", 42
print(f"{name} {n} {n:5d}|{n:<5}|{n:^5}|{n:x} {n!r} {name!r} {name!s}")
print(f"{3.14159:.3f} {1234567:,} {0.25:%} {n:08b} {'nested' + '!'}")
print(f"{n=} {name = } {n * 2 = }")
w = 10
print(f"{'x':>{w}}|{2.5:{w}.{3}}|")
d = {"k": 1}
print(f"{d['k']} {[1, 2][1]} {(lambda: 7)()}")
print(f"{{literal}} {n}{{}}")
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
    def __repr__(self):
        return "C()"
print(f"{C()} {C():abc} {C()!r}")
print(format(C(), "z"), format(5, "03"), format("s", "<3") + "|")
