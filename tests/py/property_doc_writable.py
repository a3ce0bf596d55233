import collections
P = collections.namedtuple("P", "x y")
P.x.__doc__ = "the x"
print(P.x.__doc__)
class C:
    @property
    def f(self):
        "doc f"
        return 1
print(C.f.__doc__)
C.f.__doc__ = "new"
print(C.f.__doc__)
import urllib.parse
print(urllib.parse.urlparse("http://a.b/c?d=1#e"), urllib.parse.quote("a b/é"))
print(urllib.parse.urlencode({"q": "caf\xe9", "n": 1}), urllib.parse.unquote("%E2%82%AC"),
      urllib.parse.unquote("%E9", encoding="latin-1"), urllib.parse.quote("\u20ac", encoding="cp1252"))
print(urllib.parse.parse_qs("a=1&b=%C3%A9&a=2"), urllib.parse.urljoin("http://x/a/b", "../c"))
