# csv dialects: the registry, Dialect classes, validation errors, limits.
import csv
import io
import _csv


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(csv.list_dialects()))
for name in ("excel", "excel-tab", "unix"):
    d = csv.get_dialect(name)
    print(name, repr(d.delimiter), d.doublequote, d.escapechar, repr(d.lineterminator),
          d.quotechar, d.quoting, d.skipinitialspace, d.strict)


class Pipes(csv.Dialect):
    delimiter = "|"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


csv.register_dialect("pipes", Pipes)
csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_ALL)
csv.register_dialect("pipes2", "pipes", lineterminator="!\n")
print(sorted(csv.list_dialects()))
b = io.StringIO()
csv.writer(b, "pipes").writerow(["a|b", "it's", 3])
csv.writer(b, dialect="semi").writerow(["x", 1])
csv.writer(b, "pipes2").writerow(["y"])
csv.writer(b, Pipes, delimiter="#").writerow(["z", "z#"])
print(repr(b.getvalue()))
print(list(csv.reader(["'a|b'|'it''s'|3"], "pipes")))
print(list(csv.reader(['"x";"1"'], "semi")))
csv.unregister_dialect("pipes2")
print(sorted(csv.list_dialects()))
t(lambda: csv.get_dialect("pipes2"))
t(lambda: csv.unregister_dialect("pipes2"))
t(lambda: csv.reader([], "pipes2"))
t(lambda: csv.register_dialect(5))
t(lambda: csv.register_dialect("bad", delimiter="::"))
t(lambda: csv.register_dialect("bad", nonsense=1))
print("bad" in csv.list_dialects())


class Broken(csv.Dialect):
    delimiter = ";"


t(lambda: Broken())
t(lambda: csv.Dialect())
print(Pipes().delimiter, csv.excel().quotechar, csv.unix_dialect.quoting)

D = _csv.Dialect
for kw in [dict(delimiter=1), dict(delimiter="ab"), dict(delimiter=None), dict(delimiter=""),
           dict(quotechar=1), dict(quotechar="ab"), dict(escapechar=1), dict(escapechar="ab"),
           dict(lineterminator=1), dict(lineterminator=None), dict(quoting="a"),
           dict(quoting=9), dict(quoting=True), dict(quoting=None), dict(quotechar=None, quoting=1),
           dict(foo=1)]:
    t(lambda: D(**kw))
d = D(quotechar=None)
print(d.quoting, d.quotechar, D(quotechar=None, quoting=3).quoting)
d = D(delimiter=";", doublequote=0, escapechar="\\", lineterminator="\n", quotechar="'",
      quoting=csv.QUOTE_NONNUMERIC, skipinitialspace=1, strict=[1])
print(d.delimiter, d.doublequote, d.escapechar, repr(d.lineterminator), d.quotechar, d.quoting,
      d.skipinitialspace, d.strict)
print(D(d) is d, D(d, strict=False) is d, D(d, strict=False).delimiter, D("unix").quoting)
t(lambda: D("nope"))


class Attrs:
    delimiter = "-"
    quoting = csv.QUOTE_ALL


print(D(Attrs).delimiter, D(Attrs).quoting, D(Attrs, delimiter="+").delimiter)

t(lambda: csv.reader(5))
t(lambda: csv.writer(5))
t(lambda: csv.reader())
t(lambda: csv.reader([], foo=1))
t(lambda: next(csv.reader([b"a,b"])))
t(lambda: list(csv.reader(['"abc'], strict=True)))
t(lambda: list(csv.reader(['"a"b'], strict=True)))
t(lambda: list(csv.reader(["a\nb"])))
t(lambda: list(csv.reader(["1,x"], quoting=csv.QUOTE_NONNUMERIC)))
t(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]))
t(lambda: csv.writer(io.StringIO()).writerow(5))
t(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""]))
t(lambda: csv.writer(io.StringIO(), doublequote=False).writerow(['a"b']))


def gen():
    yield "a,b"
    raise RuntimeError("source failed")


t(lambda: list(csv.reader(gen())))
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
t(lambda: list(csv.reader(["0123456789,x"])))
t(lambda: list(csv.reader(["01234567890"])))
t(lambda: csv.field_size_limit("a"))
t(lambda: csv.field_size_limit(1, 2))
print(csv.field_size_limit(128 * 1024))
try:
    raise csv.Error("mine")
except _csv.Error as e:
    print(type(e).__name__, e, csv.Error is _csv.Error, _csv.Error.__module__)
