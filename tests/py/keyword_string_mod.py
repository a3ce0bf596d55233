# keyword and string modules: keyword lists and checks; string constants,
# Template substitution (safe and strict, delimiters, identifiers,
# subclassing), Formatter parse/format/vformat and capwords.
import keyword
import string

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for w in ["if", "match", "case", "_", "True", "None", "print", "async", "nonlocal", "type", ""]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable))
print(string.capwords("hello   world  of python"), string.capwords("a-b c-d", "-"), repr(string.capwords("")))

t = string.Template("$who likes ${what}s; $$ is a dollar")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}, who="override"))
print(t.safe_substitute(who="x"), t.template)
for bad in [{}, {"who": "x"}]:
    try:
        t.substitute(bad)
    except KeyError as e:
        print(type(e).__name__, e)
for src in ["$", "cost: $1", "${ bad}", "$who$"]:
    try:
        print(repr(string.Template(src).substitute(who="W")))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(repr(string.Template("$ and ${x").safe_substitute(x=1)))
print(string.Template("$who and $what").get_identifiers(), string.Template("$a $b").is_valid())
class Percent(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"
print(Percent("%name is %age years, 100%% sure").substitute(name="ann", age=30))

f = string.Formatter()
print(f.format("{0} and {1!r} and {x:>5}", "a", "b", x="y"))
print(list(f.parse("text {0:>3} more {name!s} end {{}}")))
print(f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
class Defaulting(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<" + key + ">")
        return super().get_value(key, args, kwargs)
print(Defaulting().format("{present} {absent} {0}", "pos", present="here"))
class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format("{0!u} {0!r}", "shout"))
for bad in ["{0}", "{", "{x.y}", "{0!z}"]:
    try:
        print(f.format(bad, x=1))
    except (IndexError, ValueError, AttributeError, KeyError) as e:
        print(type(e).__name__, e)
print(f.format("{0[1]} {d[k]} {o.real}", [5, 6], d={"k": "v"}, o=3))
