# gettext (no catalogs: the null translations) and uuid (parsing,
# formatting, name-based and random uuids, fields, errors).
import gettext, uuid

print(gettext.gettext("hello"), gettext.ngettext("apple", "apples", 1), gettext.ngettext("apple", "apples", 3))
print(gettext.pgettext("ctx", "msg"), gettext.dgettext("nodomain", "x"))
t = gettext.translation("no_such_domain", fallback=True)
print(type(t).__name__, t.gettext("text"), t.ngettext("s", "p", 2))
_ = t.gettext
print(_("Translated? %s") % "no")
try:
    gettext.translation("no_such_domain", localedir="/nonexistent")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
print(gettext.find("no_such_domain"), gettext.textdomain())
n = gettext.NullTranslations()
n.install()
print(_("installed"))
print(gettext.c2py("n != 1")(1), gettext.c2py("n != 1")(2), gettext.c2py("n%10==1 && n%100!=11 ? 0 : 1")(21))

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant)
print(u.fields, u.time_low, u.node, u.urn, u.bytes, u.bytes_le.hex())
print(uuid.UUID("{12345678123456781234567812345678}") == u, uuid.UUID(bytes=u.bytes) == u, uuid.UUID(int=u.int) == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_OID)
r = uuid.uuid4()
print(r.version, len(str(r)), r.variant == uuid.RFC_4122)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), hash(u) == hash(uuid.UUID(str(u))))
for bad in ("zz", "1234", None):
    try:
        uuid.UUID(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    u.x = 1
except TypeError as e:
    print("TypeError:", e)
