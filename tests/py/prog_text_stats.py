# Text processing: word frequencies with Counter, n-grams with zip,
# sentence splitting with re, justified text output, a Caesar/Vigenere
# cipher round trip, run-length encoding, and anagram grouping.
import re
from collections import Counter, defaultdict
import string

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness. Was it? It was!"""
words = re.findall(r"[a-z']+", TEXT.lower())
freq = Counter(words)
print(len(words), len(freq), freq.most_common(5))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
trigrams = [" ".join(t) for t in zip(words, words[1:], words[2:])][:4]
print(trigrams)
sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", TEXT.replace("\n", " ")) if s]
print(len(sentences), [s[:20] for s in sentences])
longest = max(words, key=lambda w: (len(w), w))
print(longest, sorted({w for w in words if len(w) > 7}))
by_letter = defaultdict(set)
for w in words:
    by_letter[w[0]].add(w)
print({k: sorted(v) for k, v in sorted(by_letter.items()) if len(v) > 2})

def justify(words, width):
    lines, cur = [], []
    for w in words:
        if cur and len(" ".join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    out = []
    for line in lines:
        gaps = len(line) - 1 or 1
        spaces = width - sum(map(len, line))
        q, r = divmod(spaces, gaps)
        s = ""
        for i, w in enumerate(line[:-1]):
            s += w + " " * (q + (1 if i < r else 0))
        out.append((s + line[-1]) if len(line) > 1 else line[0].ljust(width))
    out.append(" ".join(cur).ljust(width))
    return out
for line in justify(TEXT.split()[:30], 36):
    print("|" + line + "|")

def caesar(s, k):
    table = str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                          string.ascii_lowercase[k:] + string.ascii_lowercase[:k] +
                          string.ascii_uppercase[k:] + string.ascii_uppercase[:k])
    return s.translate(table)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, 23))
def vigenere(s, key, sign=1):
    out, ki = [], 0
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            shift = (ord(key[ki % len(key)].lower()) - ord("a")) * sign
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            ki += 1
        else:
            out.append(ch)
    return "".join(out)
v = vigenere("Attack at dawn!", "lemon")
print(v, vigenere(v, "lemon", -1))
def rle(s):
    return "".join(f"{len(m.group(0))}{m.group(1)}" for m in re.finditer(r"(.)\1*", s))
def unrle(s):
    return "".join(ch * int(n) for n, ch in re.findall(r"(\d+)(\D)", s))
r = rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(r, unrle(r) == "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
groups = defaultdict(list)
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups["".join(sorted(w))].append(w)
print(sorted(sorted(g) for g in groups.values() if len(g) > 1))
print(string.capwords(" ".join(words[:6])), TEXT.count("was"), TEXT.find("epoch"), TEXT.rfind("it"), TEXT.upper()[:10])
