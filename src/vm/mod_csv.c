/*
** The _csv module under csv.py: Dialect, reader, writer, the dialect
** registry and field_size_limit, with CPython's parsing rules and
** messages.  The reader is a character state machine fed one line of the
** input iterator at a time (the end of each line is a character of its
** own, EOL); the writer quotes and escapes each field as the dialect
** says and hands the whole line to the file's write().
*/
#include <stdlib.h>
#include <string.h>

#include "vm/container.h"
#include "vm/mod_os.h"
#include "vm/num.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };
#define NOT_A_CHAR 0xffffffffu
#define EOL 0xfffffffeu

typedef STM_SEG struct DialectObj DialectObj;
struct DialectObj {             /* the Native layout; immutable once made */
    OBJECT_HEAD;
    Object *dict;
    Object *lineterminator;
    Object *refs_[NATIVE_REFS - 2];
    uint32_t delimiter, quotechar, escapechar;
    int quoting;
    bool doublequote, skipinitialspace, strict;
};

typedef STM_SEG struct CsvObj CsvObj;
struct CsvObj {                 /* readers and writers */
    OBJECT_HEAD;
    Object *dict;
    Object *dialect;
    Object *source;             /* reader: the line iterator; writer: file.write */
    Object *refs_[NATIVE_REFS - 3];
    int64_t line_num;
};

static struct {
    Type *error, *dialect, *reader, *writer;
    Object *registry;           /* name -> Dialect */
} cs;

static int64_t field_limit = 128 * 1024;

static Object *csv_error(const char *fmt, const char *a, const char *b)
{
    return raise(cs.error, fmt, a, b);
}

/* ---- dialects ------------------------------------------------------------------------- */

static const char *const dialect_names[] = { "delimiter", "doublequote", "escapechar",
                                             "lineterminator", "quotechar", "quoting",
                                             "skipinitialspace", "strict", NULL };

/* A one-character attribute: NULL or (for `nullable`) None keep *out. */
static int set_char(const char *name, Object *v, uint32_t *out, bool nullable)
{
    if (!v)
        return 0;
    if (v == None && nullable) {
        *out = NOT_A_CHAR;
        return 0;
    }
    if (!is_str(v)) {
        raise(vm.e_TypeError, "\"%s\" must be string%s, not %s", name, nullable ? " or None" : "",
              type_name(type_of(v)));
        return -1;
    }
    if (str_len(v) != 1) {
        raise(vm.e_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *out = str_char(v, 0);
    return 0;
}

static int set_bool(Object *v, bool *out)
{
    if (!v)
        return 0;
    int t = obj_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

static Object *dialect_build(Type *t, Object *src, Object **kwv)
{
    /* Each attribute from the keywords, else from the dialect given. */
    Object *val[8];
    for (int i = 0; i < 8; i++) {
        val[i] = kwv[i];
        if (!val[i] && src) {
            val[i] = obj_getattr_cstr(src, dialect_names[i]);
            if (!val[i]) {
                if (!exc_matches(vm.e_AttributeError))
                    return NULL;
                exc_clear();
            }
        }
    }
    uint32_t delimiter = ',', quotechar = '"', escapechar = NOT_A_CHAR;
    bool doublequote = true, skip = false, strict = false;
    int64_t quoting = QUOTE_MINIMAL;
    Object *lineterm = val[3];
    if (set_char("delimiter", val[0], &delimiter, false) < 0 || set_bool(val[1], &doublequote) < 0
        || set_char("escapechar", val[2], &escapechar, true) < 0)
        return NULL;
    if (lineterm && lineterm != None && !is_str(lineterm))
        return raise(vm.e_TypeError, "\"lineterminator\" must be a string");
    if (set_char("quotechar", val[4], &quotechar, true) < 0)
        return NULL;
    if (val[5]) {
        if (!is_exact_int(val[5]))
            return raise(vm.e_TypeError, "\"quoting\" must be an integer");
        if (int_to_i64(val[5], &quoting) < 0)
            return NULL;
    }
    if (set_bool(val[6], &skip) < 0 || set_bool(val[7], &strict) < 0)
        return NULL;
    if (quoting < QUOTE_MINIMAL || quoting > QUOTE_NONE)
        return raise(vm.e_TypeError, "bad \"quoting\" value");
    if (quotechar == NOT_A_CHAR && val[4]) {
        if (!val[5])
            quoting = QUOTE_NONE;
        else if (quoting != QUOTE_NONE)
            return raise(vm.e_TypeError, "quotechar must be set if quoting enabled");
    }
    if (lineterm == None)
        return raise(vm.e_TypeError, "lineterminator must be set");
    if (!lineterm)
        lineterm = str_from_cstr("\r\n");
    DialectObj *d = lineterm ? (DialectObj *)vm_alloc(t->instance_size, L_NATIVE, t) : NULL;
    if (!d)
        return NULL;
    d->lineterminator = lineterm;
    d->delimiter = delimiter;
    d->quotechar = quotechar;
    d->escapechar = escapechar;
    d->quoting = (int)quoting;
    d->doublequote = doublequote;
    d->skipinitialspace = skip;
    d->strict = strict;
    return (Object *)d;
}

/* The keyword arguments of a dialect, by name, into kwv[8]; `fname` for
   the error.  Other keywords are refused. */
static int dialect_kwargs(Object *const *args, size_t nargs, Object *kw, Object **kwv)
{
    for (int i = 0; i < 8; i++)
        kwv[i] = NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Object *name = tuple_get(kw, k);
        int i = 0;
        while (dialect_names[i] && !str_eq_cstr(name, dialect_names[i]))
            i++;
        if (!dialect_names[i]) {
            char nb[100];
            raise(vm.e_TypeError, "'%s' is an invalid keyword argument for this function",
                  str_cstr(name, nb, sizeof nb));
            return -1;
        }
        kwv[i] = args[nargs + k];
    }
    return 0;
}

static Object *registry_get(Object *name)
{
    Object *d;
    int r = dict_lookup(cs.registry, name, &d);
    if (r < 0)
        return NULL;
    if (r == 0)
        return raise(cs.error, "unknown dialect");
    return d;
}

/* A Dialect from a dialect argument (name, Dialect, or any object with the
   attributes) and keywords. */
static Object *dialect_from(Type *t, Object *src, Object **kwv)
{
    if (src && is_str(src) && !(src = registry_get(src)))
        return NULL;
    bool any_kw = false;
    for (int i = 0; i < 8; i++)
        any_kw |= kwv[i] != NULL;
    if (src && !any_kw && t == cs.dialect && !is_small(src) && src->type == cs.dialect)
        return src;
    return dialect_build(t, src, kwv);
}

static Object *dialect_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Object *kwv[8];
    size_t nkw = kw ? tuple_size(kw) : 0;
    Object *src = nargs ? args[0] : NULL;
    for (size_t k = 0; k < nkw; k++)
        if (str_eq_cstr(tuple_get(kw, k), "dialect")) {
            if (src)
                return raise(vm.e_TypeError, "argument for Dialect() given by name ('dialect') "
                             "and position (1)");
            src = args[nargs + k];
        }
    if (nargs > 9)
        return raise(vm.e_TypeError, "Dialect() takes at most 9 arguments (%zu given)", nargs);
    /* The keywords other than "dialect". */
    Object *rest = NULL, *restv[8];
    size_t nrest = 0;
    for (size_t k = 0; k < nkw; k++)
        if (!str_eq_cstr(tuple_get(kw, k), "dialect"))
            nrest++;
    if (nrest != nkw) {
        rest = tuple_new(nrest);
        if (!rest)
            return NULL;
        for (size_t k = 0, j = 0; k < nkw; k++)
            if (!str_eq_cstr(tuple_get(kw, k), "dialect")) {
                if (j < 8)
                    restv[j] = args[nargs + k];
                tuple_init_item(rest, j++, tuple_get(kw, k));
            }
        if (nrest > 8)
            return raise(vm.e_TypeError, "too many keyword arguments");
        if (dialect_kwargs(restv, 0, rest, kwv) < 0)
            return NULL;
    } else if (dialect_kwargs(args, nargs, kw, kwv) < 0) {
        return NULL;
    }
    /* After the dialect, the attributes may come by position too. */
    for (size_t i = 1; i < nargs; i++) {
        if (kwv[i - 1])
            return raise(vm.e_TypeError, "argument for Dialect() given by name ('%s') and "
                         "position (%zu)", dialect_names[i - 1], i + 1);
        kwv[i - 1] = args[i];
    }
    return dialect_from((Type *)cls, src, kwv);
}

static DialectObj *dia(Object *d) { return (DialectObj *)d; }

static Object *char_or_none(uint32_t c)
{
    return c == NOT_A_CHAR ? None : str_from_char(c);
}

static Object *get_delimiter(Object *s) { return str_from_char(dia(s)->delimiter); }
static Object *get_quotechar(Object *s) { return char_or_none(dia(s)->quotechar); }
static Object *get_escapechar(Object *s) { return char_or_none(dia(s)->escapechar); }
static Object *get_lineterminator(Object *s) { return dia(s)->lineterminator; }
static Object *get_quoting(Object *s) { return make_small(dia(s)->quoting); }
static Object *get_doublequote(Object *s) { return bool_obj(dia(s)->doublequote); }
static Object *get_skipinitialspace(Object *s) { return bool_obj(dia(s)->skipinitialspace); }
static Object *get_strict(Object *s) { return bool_obj(dia(s)->strict); }

/* reader(x, dialect='excel', **fmtparams) and writer(...): the first
   argument and the Dialect. */
static int csv_args(const char *fname, Object *const *args, size_t nargs, Object *kw,
                    Object **first, Object **dialect)
{
    Object *src = nargs > 1 ? args[1] : NULL;
    if (nargs < 1) {
        raise(vm.e_TypeError, " expected at least 1 argument, got 0");
        return -1;
    }
    if (nargs > 2) {
        raise(vm.e_TypeError, "%s expected at most 2 arguments, got %zu", fname, nargs);
        return -1;
    }
    Object *kwv[8];
    size_t nkw = kw ? tuple_size(kw) : 0;
    Object *names = NULL, *vals[8];
    size_t n = 0;
    for (size_t k = 0; k < nkw; k++) {
        if (str_eq_cstr(tuple_get(kw, k), "dialect")) {
            src = args[nargs + k];
            continue;
        }
        if (n < 8)
            vals[n] = args[nargs + k];
        n++;
    }
    if (n > 8) {
        raise(vm.e_TypeError, "too many keyword arguments");
        return -1;
    }
    if (n != nkw) {
        if (!(names = tuple_new(n)))
            return -1;
        for (size_t k = 0, j = 0; k < nkw; k++)
            if (!str_eq_cstr(tuple_get(kw, k), "dialect"))
                tuple_init_item(names, j++, tuple_get(kw, k));
        if (dialect_kwargs(vals, 0, names, kwv) < 0)
            return -1;
    } else if (dialect_kwargs(args, nargs, kw, kwv) < 0) {
        return -1;
    }
    *first = args[0];
    *dialect = dialect_from(cs.dialect, src ? src : intern_cstr("excel"), kwv);
    return *dialect ? 0 : -1;
}

/* ---- the reader ------------------------------------------------------------------------- */

enum State {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
};

struct Parser {
    struct DialectObj d;        /* a copy: the dialect's plain fields */
    enum State state;
    uint32_t *field;
    size_t len, cap;
    bool numeric;               /* QUOTE_NONNUMERIC: the field was not quoted */
    Object *fields;             /* list of the record's fields */
};

static int add_char(struct Parser *p, uint32_t c)
{
    if ((int64_t)p->len >= field_limit) {
        raise(cs.error, "field larger than field limit (%lld)", (long long)field_limit);
        return -1;
    }
    if (p->len == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 64;
        uint32_t *nf = realloc(p->field, ncap * sizeof *nf);
        if (!nf) {
            raise_no_memory();
            return -1;
        }
        p->field = nf;
        p->cap = ncap;
    }
    p->field[p->len++] = c;
    return 0;
}

static int save_field(struct Parser *p)
{
    Object *f = str_from_codepoints(p->field, p->len);
    p->len = 0;
    if (f && p->numeric) {
        p->numeric = false;
        f = float_from_object(f);
    }
    return f ? list_append(p->fields, f) : -1;
}

static bool is_crlf(uint32_t c) { return c == '\n' || c == '\r'; }

/* One character, or EOL at the end of a line. */
static int parse_char(struct Parser *p, uint32_t c)
{
    const struct DialectObj *d = &p->d;
    bool quoting = d->quoting != QUOTE_NONE;
    switch (p->state) {
    case START_RECORD:
        if (c == EOL)
            return 0;
        if (is_crlf(c)) {
            p->state = EAT_CRNL;
            return 0;
        }
        p->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (is_crlf(c) || c == EOL) {
            p->state = c == EOL ? START_RECORD : EAT_CRNL;
            return save_field(p);
        }
        if (c == d->quotechar && quoting) {
            p->state = IN_QUOTED_FIELD;
        } else if (c == d->escapechar) {
            p->state = ESCAPED_CHAR;
        } else if (c == ' ' && d->skipinitialspace) {
            return 0;
        } else if (c == d->delimiter) {
            return save_field(p);
        } else {
            p->numeric = d->quoting == QUOTE_NONNUMERIC;
            p->state = IN_FIELD;
            return add_char(p, c);
        }
        return 0;
    case ESCAPED_CHAR:
        if (is_crlf(c)) {
            p->state = AFTER_ESCAPED_CRNL;
            return add_char(p, c);
        }
        p->state = IN_FIELD;
        return add_char(p, c == EOL ? '\n' : c);
    case AFTER_ESCAPED_CRNL:
        if (c == EOL)
            return 0;
        /* fall through */
    case IN_FIELD:
        if (is_crlf(c) || c == EOL) {
            p->state = c == EOL ? START_RECORD : EAT_CRNL;
            return save_field(p);
        }
        if (c == d->escapechar) {
            p->state = ESCAPED_CHAR;
        } else if (c == d->delimiter) {
            p->state = START_FIELD;
            return save_field(p);
        } else {
            p->state = IN_FIELD;
            return add_char(p, c);
        }
        return 0;
    case IN_QUOTED_FIELD:
        if (c == EOL)
            return 0;
        if (c == d->escapechar)
            p->state = ESCAPE_IN_QUOTED_FIELD;
        else if (c == d->quotechar && quoting)
            p->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else
            return add_char(p, c);
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        p->state = IN_QUOTED_FIELD;
        return add_char(p, c == EOL ? '\n' : c);
    case QUOTE_IN_QUOTED_FIELD:
        if (quoting && c == d->quotechar) {
            p->state = IN_QUOTED_FIELD;
            return add_char(p, c);
        }
        if (c == d->delimiter) {
            p->state = START_FIELD;
            return save_field(p);
        }
        if (is_crlf(c) || c == EOL) {
            p->state = c == EOL ? START_RECORD : EAT_CRNL;
            return save_field(p);
        }
        if (!d->strict) {
            p->state = IN_FIELD;
            return add_char(p, c);
        }
        {
            char a[8], b[8];
            Object *da = str_from_char(d->delimiter), *qb = str_from_char(d->quotechar);
            if (!da || !qb)
                return -1;
            csv_error("'%s' expected after '%s'", str_cstr(da, a, sizeof a),
                      str_cstr(qb, b, sizeof b));
        }
        return -1;
    case EAT_CRNL:
        if (is_crlf(c))
            return 0;
        if (c == EOL) {
            p->state = START_RECORD;
            return 0;
        }
        raise(cs.error, "new-line character seen in unquoted field - do you need to open the "
                        "file in universal-newline mode?");
        return -1;
    }
    return 0;
}

static CsvObj *csv_obj(Object *o, bool write)
{
    if (write)
        obj_write(o);
    else
        obj_read(o);
    return (CsvObj *)o;
}

static Object *reader_next(Object *self)
{
    CsvObj *r = csv_obj(self, false);
    struct Parser p = { .state = START_RECORD };
    memcpy(&p.d, (const void *)stm_real_address((stm_obj *)r->dialect), sizeof p.d);
    Object *it = r->source;
    if (!(p.fields = list_new(0)))
        return NULL;
    do {
        Object *line = obj_next(it);
        if (!line) {
            if (exc_occurred())
                goto fail;
            if (p.state != START_RECORD && p.state != EAT_CRNL
                && (p.len || p.state == IN_QUOTED_FIELD)) {
                if (p.d.strict) {
                    raise(cs.error, "unexpected end of data");
                    goto fail;
                }
                if (save_field(&p) < 0)
                    goto fail;
                break;
            }
            free(p.field);
            return NULL;
        }
        if (!is_str(line)) {
            raise(cs.error, "iterator should return strings, not %.200s (the file should be "
                            "opened in text mode)", type_name(type_of(line)));
            goto fail;
        }
        csv_obj(self, true)->line_num++;
        size_t n = str_len(line);
        for (size_t i = 0; i < n; i++)
            if (parse_char(&p, str_char(line, i)) < 0)
                goto fail;
        if (parse_char(&p, EOL) < 0)
            goto fail;
    } while (p.state != START_RECORD);
    free(p.field);
    return p.fields;
fail:
    free(p.field);
    return NULL;
}

static Object *csv_reader(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *src, *dialect;
    if (csv_args("reader", args, nargs, kw, &src, &dialect) < 0)
        return NULL;
    Object *it = obj_iter(src);
    if (!it)
        return NULL;
    CsvObj *r = (CsvObj *)vm_alloc(sizeof(struct CsvObj), L_NATIVE, cs.reader);
    if (!r)
        return NULL;
    r->dialect = dialect;
    r->source = it;
    return (Object *)r;
}

static Object *get_dialect_attr(Object *s) { return csv_obj(s, false)->dialect; }
static Object *get_line_num(Object *s) { return int_from_i64(csv_obj(s, false)->line_num); }

/* ---- the writer ----------------------------------------------------------------------------- */

static bool needs_care(const struct DialectObj *d, Object *lineterm, uint32_t c)
{
    if (c == d->delimiter || c == d->escapechar || c == d->quotechar)
        return true;
    for (size_t i = 0; i < str_len(lineterm); i++)
        if (str_char(lineterm, i) == c)
            return true;
    return false;
}

/* Appends field s to the record, quoted when asked or when its characters
   need it, escaping as the dialect says. */
static int join_field(StrBuf *rec, const struct DialectObj *d, Object *lineterm, Object *s, bool quoted,
                      bool first)
{
    StrBuf f;
    if (sb_init(&f, str_len(s) + 2) < 0)
        return -1;
    for (size_t i = 0; i < str_len(s); i++) {
        uint32_t c = str_char(s, i);
        bool escape = false;
        if (needs_care(d, lineterm, c)) {
            if (d->quoting == QUOTE_NONE) {
                escape = true;
            } else {
                if (c == d->quotechar) {
                    if (d->doublequote) {
                        if (sb_putc(&f, c) < 0)
                            goto fail;
                    } else {
                        escape = true;
                    }
                } else if (c == d->escapechar) {
                    escape = true;
                }
                if (!escape)
                    quoted = true;
            }
            if (escape) {
                if (d->escapechar == NOT_A_CHAR) {
                    raise(cs.error, "need to escape, but no escapechar set");
                    goto fail;
                }
                if (sb_putc(&f, d->escapechar) < 0)
                    goto fail;
            }
        }
        if (sb_putc(&f, c) < 0)
            goto fail;
    }
    Object *fs = sb_finish(&f);
    if (!fs)
        return -1;
    if (!first && sb_putc(rec, d->delimiter) < 0)
        return -1;
    if (quoted && sb_putc(rec, d->quotechar) < 0)
        return -1;
    if (sb_append_str(rec, fs) < 0)
        return -1;
    if (quoted && sb_putc(rec, d->quotechar) < 0)
        return -1;
    return 0;
fail:
    sb_free(&f);
    return -1;
}

static bool is_number(Object *v)
{
    Type *t = type_of(v);
    return is_int(v) || is_float(v) || type_is_subtype(t, vm.t_complex)
           || type_lookup(t, intern_cstr("__index__")) || type_lookup(t, intern_cstr("__float__"))
           || type_lookup(t, intern_cstr("__int__"));
}

static Object *writerow(Object *self, Object *row)
{
    CsvObj *w = csv_obj(self, false);
    struct DialectObj d;
    memcpy(&d, (const void *)stm_real_address((stm_obj *)w->dialect), sizeof d);
    Object *lineterm = d.lineterminator, *write = w->source;
    Object *it = obj_iter(row);
    if (!it) {
        if (!exc_matches(vm.e_TypeError))
            return NULL;
        exc_clear();
        return raise(cs.error, "iterable expected, not %.200s", type_name(type_of(row)));
    }
    StrBuf rec;
    if (sb_init(&rec, 64) < 0)
        return NULL;
    size_t nfields = 0;
    Object *field;
    while ((field = obj_next(it))) {
        bool quoted = d.quoting == QUOTE_ALL || (d.quoting == QUOTE_NONNUMERIC && !is_number(field));
        Object *s = field == None ? vm.empty_str : is_str(field) ? field : obj_str(field);
        if (!s || join_field(&rec, &d, lineterm, s, quoted, nfields == 0) < 0) {
            sb_free(&rec);
            return NULL;
        }
        nfields++;
    }
    if (exc_occurred()) {
        sb_free(&rec);
        return NULL;
    }
    /* A record of one empty field would read back as no field at all. */
    if (nfields && rec.len == 0) {
        if (d.quoting == QUOTE_NONE) {
            sb_free(&rec);
            return raise(cs.error, "single empty field record must be quoted");
        }
        if (sb_putc_n(&rec, d.quotechar, 2) < 0)
            return NULL;
    }
    if (sb_append_str(&rec, lineterm) < 0)
        return NULL;
    Object *line = sb_finish(&rec);
    return line ? obj_call1(write, line) : NULL;
}

static Object *w_writerow(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("writerow", kw, nargs, 1) < 0)
        return NULL;
    return writerow(self, args[0]);
}

static Object *w_writerows(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("writerows", kw, nargs, 1) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    Object *row;
    while ((row = obj_next(it)))
        if (!writerow(self, row))
            return NULL;
    return exc_occurred() ? NULL : None;
}

static Object *csv_writer(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *file, *dialect;
    if (csv_args("writer", args, nargs, kw, &file, &dialect) < 0)
        return NULL;
    Object *write = obj_getattr_cstr(file, "write");
    if (!write) {
        if (!exc_matches(vm.e_AttributeError))
            return NULL;
        exc_clear();
        return raise(vm.e_TypeError, "argument 1 must have a \"write\" method");
    }
    CsvObj *w = (CsvObj *)vm_alloc(sizeof(struct CsvObj), L_NATIVE, cs.writer);
    if (!w)
        return NULL;
    w->dialect = dialect;
    w->source = write;
    return (Object *)w;
}

/* ---- the registry --------------------------------------------------------------------------- */

static Object *csv_register_dialect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1 || nargs > 2)
        return raise(vm.e_TypeError, "register_dialect expected at %s %d argument%s, got %zu",
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                     nargs);
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "dialect name must be a string");
    Object *kwv[8];
    if (dialect_kwargs(args, nargs, kw, kwv) < 0)
        return NULL;
    Object *d = dialect_from(cs.dialect, nargs > 1 ? args[1] : NULL, kwv);
    if (!d || dict_set(cs.registry, args[0], d) < 0)
        return NULL;
    return None;
}

static Object *csv_unregister_dialect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("unregister_dialect", kw, nargs, 1) < 0)
        return NULL;
    if (dict_del(cs.registry, args[0]) < 0) {
        if (!exc_matches(vm.e_KeyError))
            return NULL;
        exc_clear();
        return raise(cs.error, "unknown dialect");
    }
    return None;
}

static Object *csv_get_dialect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_dialect", kw, nargs, 1) < 0)
        return NULL;
    return registry_get(args[0]);
}

static Object *csv_list_dialects(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("list_dialects", kw, nargs, 0) < 0)
        return NULL;
    Object *l = list_new(0);
    size_t pos = 0;
    Object *k, *v;
    while (l && dict_next(cs.registry, &pos, &k, &v))
        if (list_append(l, k) < 0)
            return NULL;
    return l;
}

static Object *csv_field_size_limit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "new_limit", NULL };
    Object *a[1];
    if (nargs > 1)
        return raise(vm.e_TypeError, "field_size_limit() takes at most 1 argument (%zu given)",
                     nargs);
    if (args_parse("field_size_limit", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int64_t old = field_limit;
    if (a[0]) {
        int64_t n;
        if (!is_exact_int(a[0]) && !is_int(a[0]))
            return raise(vm.e_TypeError, "limit must be an integer");
        if (int_to_i64(a[0], &n) < 0)
            return NULL;
        os_irreversible("csv.field_size_limit");
        field_limit = n;
    }
    return int_from_i64(old);
}

/* ---- the module ------------------------------------------------------------------------------- */

static Type *csv_class(const char *name, size_t size, const MethodDef *methods)
{
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE, size, 0);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("_csv"));
    t->getattr = generic_getattr;
    if (methods)
        type_add_methods(t, methods);
    return t;
}

static bool csv_setup(void)
{
    if (cs.error)
        return true;
    /* The globals name committed objects: set under inevitability. */
    os_irreversible("csv types");
    /* Inevitable transactions run one at a time: another thread may have
       made them while this one waited. */
    if (cs.error)
        return true;
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_csv")) < 0)
        return false;
    Object *args[3] = { str_from_cstr("Error"), tuple_pack(1, (Object *)vm.e_Exception), ns };
    Object *err = args[0] && args[1] ? obj_call((Object *)vm.t_type, args, 3, NULL) : NULL;
    Object *reg = dict_new();
    if (!err || !reg)
        return false;
    Type *d = csv_class("Dialect", sizeof(struct DialectObj), NULL);
    d->flags |= TF_BASETYPE;
    d->tp_new = dialect_tp_new;
    static const struct { const char *name; Object *(*get)(Object *); } attrs[] = {
        { "delimiter", get_delimiter }, { "quotechar", get_quotechar },
        { "escapechar", get_escapechar }, { "lineterminator", get_lineterminator },
        { "quoting", get_quoting }, { "doublequote", get_doublequote },
        { "skipinitialspace", get_skipinitialspace }, { "strict", get_strict },
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        getset_new(d, attrs[i].name, attrs[i].get, NULL);
    type_inherit(d);
    Type *r = csv_class("reader", sizeof(struct CsvObj), NULL);
    r->next = reader_next;
    iter_type_add_methods(r);
    getset_new(r, "dialect", get_dialect_attr, NULL);
    getset_new(r, "line_num", get_line_num, NULL);
    type_inherit(r);
    static const MethodDef w_methods[] = {
        { "writerow", w_writerow, 0 }, { "writerows", w_writerows, 0 }, { NULL, NULL, 0 },
    };
    Type *w = csv_class("writer", sizeof(struct CsvObj), w_methods);
    getset_new(w, "dialect", get_dialect_attr, NULL);
    type_inherit(w);
    stm_add_root_range(&cs, sizeof cs);
    cs.dialect = d;
    cs.reader = r;
    cs.writer = w;
    cs.registry = reg;
    cs.error = (Type *)err;
    return true;
}

Object *csv_module_init(void)
{
    static const MethodDef functions[] = {
        { "reader", csv_reader, 0 }, { "writer", csv_writer, 0 },
        { "register_dialect", csv_register_dialect, 0 },
        { "unregister_dialect", csv_unregister_dialect, 0 },
        { "get_dialect", csv_get_dialect, 0 }, { "list_dialects", csv_list_dialects, 0 },
        { "field_size_limit", csv_field_size_limit, 0 }, { NULL, NULL, 0 },
    };
    if (!csv_setup())
        return NULL;
    Object *m = os_module_new("_csv", functions);
    if (!m)
        return NULL;
    os_module_add(m, "Error", (Object *)cs.error);
    os_module_add(m, "Dialect", (Object *)cs.dialect);
    os_module_add(m, "Reader", (Object *)cs.reader);
    os_module_add(m, "Writer", (Object *)cs.writer);
    os_module_add(m, "__version__", str_from_cstr("1.0"));
    os_module_add(m, "__doc__", str_from_cstr("CSV parsing and writing."));
    os_module_add_int(m, "QUOTE_MINIMAL", QUOTE_MINIMAL);
    os_module_add_int(m, "QUOTE_ALL", QUOTE_ALL);
    os_module_add_int(m, "QUOTE_NONNUMERIC", QUOTE_NONNUMERIC);
    os_module_add_int(m, "QUOTE_NONE", QUOTE_NONE);
    return m;
}
