# Small text modules: shlex (split/quote/join, posix and punctuation),
# fnmatch (patterns, case rules, filter, translate), difflib
# (SequenceMatcher ratios/opcodes, unified_diff, get_close_matches),
# html (escape/unescape) and urllib.parse (urlsplit, quote, urlencode).
import shlex
import fnmatch
import difflib
import html
import urllib.parse as up

print(shlex.split("a 'b c' \"d e\" f\\ g"), shlex.split("x # comment", comments=True), shlex.split("a'b'c"))
print(shlex.quote("simple"), shlex.quote("has space"), shlex.quote("it's"), shlex.quote(""), shlex.join(["a b", "c"]))
try:
    shlex.split("'unterminated")
except ValueError as e:
    print(type(e).__name__, e)
lex = shlex.shlex("a=b && c|d", punctuation_chars=True)
print(list(lex))
names = ["main.py", "test_a.py", "README.md", "setup.cfg", "data.JSON", ".hidden", "a1.txt", "ab.txt"]
for pat in ["*.py", "test_*", "*.[mc]*", "?1.txt", "[!a]*", "*.json", "*", ".*", "a[0-9].txt"]:
    print(pat, fnmatch.filter(names, pat), fnmatch.fnmatchcase("data.JSON", pat))
print(fnmatch.translate("*.py"), fnmatch.fnmatch("X.PY", "*.py"))
a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the very lazy dog".split()
sm = difflib.SequenceMatcher(None, a, b)
print(round(sm.ratio(), 4), sm.get_opcodes())
print(difflib.SequenceMatcher(None, "abcd", "bcde").find_longest_match(0, 4, 0, 4))
diff = difflib.unified_diff(["one\n", "two\n", "three\n"], ["one\n", "2\n", "three\n", "four\n"], "old", "new", n=1)
print("".join(diff))
print(list(difflib.ndiff(["a\n", "b\n"], ["a\n", "c\n"])))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("x", ["a"]))
print(html.escape("<a href='x'>&\"</a>"), html.escape("<b>", quote=False), html.unescape("&lt;&amp;&gt;&quot;&#39;&eacute;&#x41;&nbsp;"))
u = up.urlsplit("https://user:pw@example.com:8080/a/b;p?q=1&r=2#frag")
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment, u.username, u.password)
print(up.urlunsplit(u), up.urljoin("http://a/b/c/d", "../g"), up.urljoin("http://a/b/", "/x"), up.urlparse("http://x/p;params").params)
print(up.quote("a b/c?d=é"), up.quote_plus("a b&c"), up.unquote("%41%20b%C3%A9"), up.unquote_plus("a+b%2Bc"))
print(up.urlencode({"q": "a b", "n": 1, "l": ["x", "y"]}, doseq=True), up.parse_qs("a=1&a=2&b=&c=3", keep_blank_values=True))
print(up.parse_qsl("x=1&y=2"), up.urldefrag("http://a/b#c"), up.quote("~safe-_.", safe=""), up.urlsplit("relative/path").scheme == "")
try:
    up.urlsplit("http://[::1").netloc
except ValueError as e:
    print(type(e).__name__, e)
