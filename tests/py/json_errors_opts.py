# json: decode errors with positions, strictness, object_hook and
# object_pairs_hook, parse_float/parse_int/parse_constant, default= for
# unknown types, custom JSONEncoder, allow_nan, check_circular, skipkeys.
import json
from decimal import Decimal

bad_docs = ['', '{', '[1,]', '{"a" 1}', '{"a":1,}', "{'a': 1}", '[1 2]', 'tru', 'nul', '"unterminated',
'{"a":1}x', '01', '1.', '-', '[', '"\\ud800"', 'NaN1',
            '{"a":}', '[1,,2]', '  ', '"\\u12"', '1e', '{1: 2}']
for doc in bad_docs:
    try:
        print(repr(doc), "->", repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads("[1,\n  2,\n  x]")
except ValueError as e:
    print(str(e), isinstance(e, ValueError))
print(json.loads('"ctrl \x01 char"', strict=False), json.loads("NaN") != json.loads("NaN"), json.loads("-Infinity"))

print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "a": 2, "z": 3}'), json.loads('{"z": 1, "a": 2, "z": 3}', object_pairs_hook=list))
print(json.loads("[1.10, 2]", parse_float=Decimal), json.loads("[1, 22]", parse_int=str))
print(json.loads("[NaN, Infinity]", parse_constant=lambda c: "const:" + c))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def encode_point(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
print(json.dumps([Point(1, 2)], default=encode_point))
for v in ({1, 2}, Point(0, 0), b"bytes", 1 + 2j):
    try:
        json.dumps(v)
    except TypeError as e:
        print(type(e).__name__, e)
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder), SetEncoder(sort_keys=True).encode({"b": 1, "a": {2}}))
print(list(SetEncoder().iterencode([1, {"k": None}])))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({(1, 2): "skipped", "k": 1}, skipkeys=True))
print(json.dumps({"b": 1, "a": [1, {"d": 2, "c": 3}]}, sort_keys=True, indent=3))
print(json.dumps([1, [2, []], {}], indent=0), json.dumps([], indent=2), json.dumps({}, indent=2))
print(json.dumps("é\u2028\U0001f600"), json.dumps("é", ensure_ascii=False), json.dumps("</script>"))
print(json.dumps(1.0), json.dumps(1e16), json.dumps(0.1 + 0.2), json.dumps(-0.0), json.dumps(10 ** 30))
print(json.dumps(True), json.dumps(None), json.dumps([True, False]), json.dumps({True: 1, None: 2, 3.5: 4}))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.raw_decode("[2]  ", 0))
try:
    dec.raw_decode("  [1]")
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
import io
buf = io.StringIO()
json.dump({"x": [1, 2]}, buf, indent=1)
buf.seek(0)
print(repr(buf.getvalue()), json.load(buf))
print(json.loads(b'{"bytes": true}'), json.loads('\ufeff[1]'.encode("utf-8-sig")) if False else "")
