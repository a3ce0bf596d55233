print(0.1 + 0.2, 1.5 * 2, 1 / 3, 2.0 ** 0.5, -0.0, 1e300 * 10, -1e300 * 10)
print(7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, 2), round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(float("1e5"), float("-inf"), float(" 3.25 "), float(7), int(1e10))
print(3.0 == 3, 3.5 > 3, 1e16 + 1, 2.0 ** 100)
nan = float("nan")
print(nan == nan, nan != nan, nan is nan, [nan] == [nan])
print(abs(-2.5), max(1.5, 2), min(-1, -1.5))
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    int("12a")
except ValueError as e:
    print(e)
print(f"{3.14159:.2f} {1e-7} {123456789.0} {1.0e16} {0.1!r}")
print(isinstance(1.0, float), type(1 / 1).__name__, (1.0).is_integer())
