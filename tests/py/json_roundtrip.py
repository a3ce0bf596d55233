import json, io
from collections import OrderedDict

values = [None, True, False, 0, -1, 10**20, 3.5, -0.0, 1e300, "", "plain",
          "quote\" back\\ slash/ tab\t nl\n cr\r \x00 \x1f \x7f",
          "caf\xe9 \u20ac \U0001f600", [], {}, [1, [2, [3, []]]],
          {"a": 1, "b": [True, None], "c": {"d": "e"}}, (1, 2), {"k": (3, 4)},
          {1: "int key", 2.5: "float key", True: "bool", None: "none"}]
for v in values:
    s = json.dumps(v)
    print(s)
    print("  ", json.loads(s) == v or json.loads(s), json.dumps(v, ensure_ascii=False))

data = {"name": "stmpy", "version": [0, 1], "nested": {"list": [1, 2.5, "x"], "empty": {}},
        "flag": True, "nothing": None}
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t", separators=(",", ": ")))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.loads(json.dumps(data)) == data)
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)
print(json.dumps([Point(1, 2)], cls=Enc))
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError:", e)

# decoding
text = ' { "a" : [1, 2.0, -3e2, "\\u00e9\\ud83d\\ude00\\n", true, false, null], "b": {} } '
print(json.loads(text))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads('{"bom": 1}'.encode("utf-16")))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"'))
for bad in ['', '[1, 2', '{"a" 1}', '[1,]', '{"a": 1,}', 'nul', '"abc',
            '[1] x', '{1: 2}', '01', '[-]', '"\\u12"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\x01b"', strict=False))
try:
    json.loads(42)
except TypeError as e:
    print("TypeError:", e)

# dump / load with files
f = io.StringIO()
json.dump({"z": [1, 2], "y": "\u20ac"}, f, sort_keys=True)
print(f.getvalue())
f.seek(0)
print(json.load(f))
print(json.JSONDecoder().raw_decode('{"a": 1} tail'))
print(json.detect_encoding(b'\xef\xbb\xbf{}'), json.detect_encoding(b'{\x00"\x00'),
      json.detect_encoding(b'\x00\x00\x00{'))
