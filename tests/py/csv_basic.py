# csv: reading and writing, quoting, DictReader/DictWriter, files.
import csv
import io
import os

rows = [["name", "age", "note"], ["Ann", 31, "likes, commas"], ["Bob", 4.5, 'says "hi"'],
        ["Céline", None, "two\nlines"], ["", "", ""], ["x"]]
buf = io.StringIO()
w = csv.writer(buf)
for r in rows:
    print(w.writerow(r), end=" ")
print()
text = buf.getvalue()
print(repr(text))
print(list(csv.reader(io.StringIO(text, newline=""))))
print(list(csv.reader(text.splitlines(keepends=True))))

for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    b = io.StringIO()
    csv.writer(b, quoting=q).writerows([[1, 2.5, "a", None, True, "q\"q"]])
    print(q, repr(b.getvalue()))
b = io.StringIO()
csv.writer(b, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'c"d', "e\\f", "g\nh"])
print(repr(b.getvalue()))
b = io.StringIO()
csv.writer(b, doublequote=False, escapechar="\\").writerow(['c"d', "e\\f", "x,y"])
print(repr(b.getvalue()))
b = io.StringIO()
w = csv.writer(b)
print(w.writerow(["", None]), w.writerow([""]), w.writerow([]), repr(b.getvalue()))
print(w.dialect.delimiter, repr(w.dialect.lineterminator))

print(list(csv.reader(['1,,"2",3.5, 4'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a,b,3\0,4"])))
print(list(csv.reader(['"a""b",c', '"multi', 'line",z'])))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader(['"a"b,c', 'x"y"z'])))
print(list(csv.reader(["a\\,b,c\\"], escapechar="\\")))
print(list(csv.reader(['a,"b'])))
print(list(csv.reader(["", "x", "\r\n", " ", "a,b\r\n", "c\n"])))
print(list(csv.reader(['"a\\"b",c'], escapechar="\\", doublequote=False)))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a\tb"], dialect="excel-tab")))
print(list(csv.reader(['"a,b"'], quoting=csv.QUOTE_NONE)))
r = csv.reader(["a,b", "c,d", "e"])
print(r.line_num, next(r), r.line_num, list(r), r.line_num, r.dialect.quotechar)
print(iter(r) is r)

data = "id,name,score\n1,Ann,9.5\n2,Bob,7\n3,Cat\n4,Dan,1,extra\n"
dr = csv.DictReader(io.StringIO(data))
print(dr.fieldnames)
for row in dr:
    print(row)
dr = csv.DictReader(io.StringIO("a,b\n1,2\n"), fieldnames=["x", "y"], restkey="rest",
                    restval="?")
print(list(dr))
b = io.StringIO()
dw = csv.DictWriter(b, fieldnames=["id", "name"], restval="-", extrasaction="ignore")
dw.writeheader()
dw.writerow({"id": 1, "name": "Ann", "zzz": 0})
dw.writerows([{"id": 2}, {"name": "Cat, the"}])
print(repr(b.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError", e)

name = "/tmp/stmpy_csv_%d.csv" % os.getpid()
with open(name, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["multi\nline", "ok"])
    w.writerows([[i, i * i] for i in range(3)])
with open(name, newline="") as f:
    print(list(csv.reader(f)))
with open(name, "rb") as f:
    print(f.read())
os.unlink(name)

sn = csv.Sniffer()
d = sn.sniff("a;b;c\n1;2;3\n4;5;6\n")
print(d.delimiter, d.quotechar, sn.has_header("name,age\nann,3\nbob,4\n"))
print(csv.__all__[:5], csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
