import codecs
def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: b"\\0\\12\\101\\1012\\777".decode("unicode_escape"))
show(lambda: codecs.escape_decode(b"\\x41\\n\\q\\\n!"))
show(lambda: codecs.escape_decode("\\x41 from str \\u20ac"))
show(lambda: codecs.escape_decode(b"\\8\\400"))
show(lambda: b"\\8".decode("unicode_escape"))
show(lambda: b"a\\\xe9".decode("unicode_escape"))
for i in range(2):
    show(lambda: b"\\z".decode("unicode_escape"))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    codecs.escape_decode(b"\\%")
    print([str(x.message) for x in w], w[0].category.__name__, w[0].lineno)
warnings.simplefilter("error")
show(lambda: codecs.escape_decode(b"\\%"))
show(lambda: codecs.unicode_escape_decode(b"\\%"))
