text = """the quick brown fox jumps over the lazy dog the fox
and the dog sleep while the quick fox runs"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
from collections import Counter
print(Counter(text.split()).most_common(3))
lengths = {}
for w in set(text.split()):
    lengths.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(lengths.items())})
