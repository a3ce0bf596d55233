# Conversions and validation: roman numerals both ways with validation
# by regex, integer to English words, base64-free base conversions with
# arbitrary alphabets, ISBN-10/13 and Luhn checksums, and leap-year
# calendars; many inputs with expected errors.
import re

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
         (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALID = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
def to_roman(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 0 < n < 4000:
        raise ValueError(f"{n} out of range 1..3999")
    out = []
    for value, sym in ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)
def from_roman(s):
    if not s or not VALID.match(s):
        raise ValueError(f"invalid roman numeral {s!r}")
    total, i = 0, 0
    for value, sym in ROMAN:
        while s.startswith(sym, i):
            total += value
            i += len(sym)
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000, -5, 2.5, True]:
    try:
        r = to_roman(n)
        print(n, r, from_roman(r))
    except (ValueError, TypeError) as e:
        print(n, type(e).__name__, e)
for s in ["MMXXIV", "IIII", "IC", "", "mcm", "MCMXCIV", "VX"]:
    try:
        print(s, from_roman(s))
    except ValueError as e:
        print(type(e).__name__, e)
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n):
    if n < 0:
        return "minus " + words(-n)
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + words(n % 100) if n % 100 else "")
    for power, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= power:
            return words(n // power) + " " + name + (("," if n % power >= 100 else " and") + " " + words(n % power) if n % power else "")
print([words(n) for n in [0, 7, 13, 20, 42, 100, 101, 999, 1000, 1001, 12345, 1000000, 2_147_483_647, -8]])
def to_base(n, alphabet):
    if n == 0:
        return alphabet[0]
    b, digits, neg = len(alphabet), [], n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        digits.append(alphabet[r])
    return "-" * neg + "".join(reversed(digits))
def from_base(s, alphabet):
    neg = s.startswith("-")
    v = 0
    for ch in s[neg:]:
        idx = alphabet.find(ch)
        if idx < 0:
            raise ValueError(f"digit {ch!r} not in alphabet")
        v = v * len(alphabet) + idx
    return -v if neg else v
B62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
for n in [0, 61, 62, 3843, 10 ** 20, -255]:
    e = to_base(n, B62)
    print(n, e, from_base(e, B62), to_base(n, "01"), to_base(n, "0123456789abcdef") == (format(n, "x") if n >= 0 else "-" + format(-n, "x")))
try:
    from_base("12!", B62)
except ValueError as e:
    print(type(e).__name__, e)
def luhn(number):
    digits = [int(d) for d in str(number)][::-1]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0
def isbn10(s):
    s = s.replace("-", "")
    if not re.fullmatch(r"\d{9}[\dX]", s):
        return False
    return sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(s)) % 11 == 0
def isbn13(s):
    s = s.replace("-", "")
    return bool(re.fullmatch(r"\d{13}", s)) and sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(s)) % 10 == 0
print([luhn(n) for n in [4539578763621486, 1234567812345678, 79927398713, 0]])
print([isbn10(s) for s in ["0-306-40615-2", "0306406153", "123456789X", "abc"]], [isbn13(s) for s in ["978-0-306-40615-7", "9780306406158"]])
