/*
** The unicodedata module, over the tables that str's methods and "\N{...}"
** use (unicodedb.c and unicodedb_names.c, generated from CPython 3.11's
** own unicodedata by tools/gen_unicodedb.py and gen_unicodenames.py).
**
** ucd_3_2_0 is a UCD object whose unidata_version is "3.2.0", as
** encodings.idna and stringprep expect, but it answers from the same
** Unicode 14.0.0 tables: characters assigned or changed since 3.2 are not
** told apart.  The UCD type lives in the module's dict, not in a C
** global.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/str_impl.h"
#include "vm/unicodedb.h"
#include "vm/unicodedb_names.h"

/* The code point of a one-character str argument. */
static int char_arg(Object *v, const char *fname, bool numbered, uint32_t *cp)
{
    Object *s = str_unwrap(v);
    if (!s || str_len(s) != 1) {
        raise(vm.e_TypeError, "%s() argument %smust be a unicode character, not %s", fname,
              numbered ? "1 " : "", type_name(type_of(v)));
        return -1;
    }
    *cp = str_char(s, 0);
    return 0;
}

/* The one character of a function that takes just that. */
static int one_char(const char *fname, Object *const *args, size_t nargs, Object *kw, uint32_t *cp)
{
    char full[64];
    snprintf(full, sizeof full, "unicodedata.%s", fname);
    if (args_exact(full, kw, nargs, 1) < 0)
        return -1;
    return char_arg(args[0], fname, false, cp);
}

/* The character and optional default of name(), decimal(), ... */
static int char_default(const char *fname, Object *const *args, size_t nargs, Object *kw,
                        uint32_t *cp)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs, 1, 2) < 0)
        return -1;
    return char_arg(args[0], fname, true, cp);
}

static Object *u_category(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("category", args, nargs, kw, &cp) < 0)
        return NULL;
    return intern_cstr(uni_category_names[uni_category(cp)]);
}

static Object *u_bidirectional(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("bidirectional", args, nargs, kw, &cp) < 0)
        return NULL;
    return intern_cstr(uni_bidirectional_names[uni_record(cp)->bidirectional]);
}

static Object *u_combining(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("combining", args, nargs, kw, &cp) < 0)
        return NULL;
    return make_small(uni_record(cp)->combining);
}

static Object *u_east_asian_width(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("east_asian_width", args, nargs, kw, &cp) < 0)
        return NULL;
    return intern_cstr(uni_east_asian_width_names[uni_record(cp)->east_asian_width]);
}

static Object *u_mirrored(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("mirrored", args, nargs, kw, &cp) < 0)
        return NULL;
    return make_small(uni_record(cp)->mirrored);
}

static Object *u_decomposition(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (one_char("decomposition", args, nargs, kw, &cp) < 0)
        return NULL;
    const uint32_t *cps;
    size_t n;
    int tag = uni_decomposition(cp, &cps, &n);
    if (tag < 0)
        return str_from_cstr("");
    /* At most 18 code points per decomposition in Unicode 14. */
    char buf[256];
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s", uni_decomp_tags[tag]);
    for (size_t i = 0; i < n && len < sizeof buf; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%04X", len ? " " : "", cps[i]);
    return str_from_cstr(buf);
}

static Object *u_decimal(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (char_default("decimal", args, nargs, kw, &cp) < 0)
        return NULL;
    int v = uni_decimal(cp);
    if (v >= 0)
        return make_small(v);
    return nargs > 1 ? args[1] : raise(vm.e_ValueError, "not a decimal");
}

static Object *u_digit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (char_default("digit", args, nargs, kw, &cp) < 0)
        return NULL;
    int v = uni_digit(cp);
    if (v >= 0)
        return make_small(v);
    return nargs > 1 ? args[1] : raise(vm.e_ValueError, "not a digit");
}

static Object *u_numeric(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (char_default("numeric", args, nargs, kw, &cp) < 0)
        return NULL;
    double v;
    if (uni_numeric(cp, &v))
        return float_new(v);
    return nargs > 1 ? args[1] : raise(vm.e_ValueError, "not a numeric character");
}

static Object *u_name(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t cp;
    if (char_default("name", args, nargs, kw, &cp) < 0)
        return NULL;
    char buf[128];
    size_t n = unicode_name_of(cp, buf, sizeof buf);
    if (n)
        return str_from_utf8(buf, n);
    return nargs > 1 ? args[1] : raise(vm.e_ValueError, "no such name");
}

/* KeyError("undefined character name '...'"), the name decoded from
   UTF-8 with replacement characters, as CPython writes it. */
static Object *lookup_error(const char *name, size_t n)
{
    Object *text = codec_decode((const unsigned char *)name, n, intern_cstr("utf-8"),
                                intern_cstr("replace"));
    Object *msg = text ? str_from_cstr("undefined character name '") : NULL;
    msg = msg ? str_concat(msg, text) : NULL;
    msg = msg ? str_concat(msg, intern_cstr("'")) : NULL;
    Object *args = msg ? tuple_pack(1, msg) : NULL;
    Object *exc = args ? exception_new(vm.e_KeyError, args) : NULL;
    return exc ? raise_object(exc) : NULL;
}

/* Longer names are refused before any search, as CPython does. */
enum { NAME_MAX_LEN = 256 };

static Object *u_lookup(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("unicodedata.lookup", kw, nargs, 1) < 0)
        return NULL;
    /* A str is looked up by its UTF-8 (lone surrogates are refused). */
    Object *s = str_unwrap(args[0]);
    Object *bytes = s ? codec_encode(s, intern_cstr("utf-8"), NULL) : args[0];
    Buffer b;
    if (!bytes || buffer_get(bytes, &b, false) < 0)
        return NULL;
    char *name = malloc(b.len + 1);
    if (!name)
        return raise_no_memory();
    memcpy(name, b.data, b.len);
    size_t n = b.len;
    Object *r;
    unsigned cp;
    const uint32_t *seq;
    size_t len;
    if (n > NAME_MAX_LEN)
        r = raise(vm.e_KeyError, "name too long");
    else if (unicode_lookup_name(name, n, &cp))
        r = str_from_char(cp);
    else if (unicode_lookup_sequence(name, n, &seq, &len))
        r = str_from_codepoints(seq, len);
    else
        r = lookup_error(name, n);
    free(name);
    return r;
}

static int form_arg(const char *fname, Object *const *args, size_t nargs, Object *kw,
                    UniNormForm *form)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs, 2, 2) < 0)
        return -1;
    for (int i = 0; i < 2; i++)
        if (!str_unwrap(args[i])) {
            raise(vm.e_TypeError, "%s() argument %d must be str, not %s", fname, i + 1,
                  type_name(type_of(args[i])));
            return -1;
        }
    static const char *const names[] = { "NFC", "NFD", "NFKC", "NFKD" };
    static const UniNormForm forms[] = { UNI_NFC, UNI_NFD, UNI_NFKC, UNI_NFKD };
    for (int i = 0; i < 4; i++)
        if (str_eq_cstr(str_unwrap(args[0]), names[i])) {
            *form = forms[i];
            return 0;
        }
    raise(vm.e_ValueError, "invalid normalization form");
    return -1;
}

/* The normal form of s; *same tells whether it equals s. */
static Object *normalized(UniNormForm form, Object *s, bool *same)
{
    size_t n = str_len(s), out_n;
    uint32_t *cps = malloc((n ? n : 1) * sizeof *cps);
    if (!cps)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        cps[i] = str_char(s, i);
    uint32_t *out = uni_normalize(form, cps, n, &out_n);
    if (!out) {
        free(cps);
        return raise_no_memory();
    }
    *same = out_n == n && !memcmp(out, cps, n * sizeof *cps);
    free(cps);
    Object *r = *same ? s : str_from_codepoints(out, out_n);
    free(out);
    return r;
}

static Object *u_normalize(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    UniNormForm form;
    bool same;
    if (form_arg("normalize", args, nargs, kw, &form) < 0)
        return NULL;
    return normalized(form, str_unwrap(args[1]), &same);
}

static Object *u_is_normalized(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    UniNormForm form;
    bool same;
    if (form_arg("is_normalized", args, nargs, kw, &form) < 0)
        return NULL;
    return normalized(form, str_unwrap(args[1]), &same) ? bool_obj(same) : NULL;
}

static const MethodDef functions[] = {
    { "category", u_category, 0 }, { "bidirectional", u_bidirectional, 0 },
    { "combining", u_combining, 0 }, { "east_asian_width", u_east_asian_width, 0 },
    { "mirrored", u_mirrored, 0 }, { "decomposition", u_decomposition, 0 },
    { "decimal", u_decimal, 0 }, { "digit", u_digit, 0 }, { "numeric", u_numeric, 0 },
    { "name", u_name, 0 }, { "lookup", u_lookup, 0 }, { "normalize", u_normalize, 0 },
    { "is_normalized", u_is_normalized, 0 }, { NULL, NULL, 0 },
};

static Object *ucd_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return raise(vm.e_TypeError, "cannot create 'unicodedata.UCD' instances");
}

/* The UCD type and the ucd_3_2_0 object (see the top of the file). */
static Object *make_ucd(Object *modname)
{
    Type *t = type_new_builtin("UCD", vm.t_object, L_NATIVE, sizeof(struct Native), 0);
    if (!t)
        return NULL;
    dict_set_cstr(t->dict, "__module__", modname);
    t->tp_new = ucd_tp_new;
    t->getattr = generic_getattr;
    type_add_methods(t, functions);
    type_inherit(t);
    Object *version = str_from_cstr("3.2.0");
    if (!version || dict_set_cstr(t->dict, "unidata_version", version) < 0)
        return NULL;
    return vm_alloc(sizeof(struct Native), L_NATIVE, t);
}

Object *unicodedata_module_init(void)
{
    Object *name = intern_cstr("unicodedata");
    Object *m = module_new(name);
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    Object *ucd = make_ucd(name);
    if (!ucd || dict_set_cstr(d, "UCD", (Object *)type_of(ucd)) < 0
        || dict_set_cstr(d, "ucd_3_2_0", ucd) < 0
        || dict_set_cstr(d, "unidata_version", str_from_cstr(UNI_VERSION)) < 0)
        return NULL;
    return m;
}
