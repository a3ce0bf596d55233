print(int("  12  "), int("0b101", 0), int("0o17", 0), int("0x1f", 0), int("1_000"), int("-5"))
print(int(2.9), int(-2.9), int("11", 2), int(b"42"), float("1_0.5"), str(-0), int("+7"))
try:
    int("1.5")
except ValueError as e:
    print(e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
class HasIndex:
    def __index__(self): return 7
class HasInt:
    def __int__(self): return 8
print(int(HasInt()), [10, 20, 30, 40, 50, 60, 70, 80][HasIndex()], bin(HasIndex()))
print(2 ** 64, -2 ** 63, int(str(3 ** 50)) == 3 ** 50, 7 .bit_length(), (255).to_bytes(2, "big"))
print(bool(""), bool("0"), str(True), int(False), True + 1, repr(True))
