/*
** The _ast module: the node classes of Python 3.11's `ast` module, made
** from the compiler's node descriptions (compiler/ast_nodes.c), and
** compile(..., flags=PyCF_ONLY_AST), which parses with the compiler's
** parser and turns its tree into instances of those classes.  So
** `import ast` and ast.parse() work (Lib/traceback.py uses them to split
** its markers).  compile() of a tree is in ast_compile.c.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "vm/eval.h"
#include "vm/num.h"
#include "vm/runtime.h"

Object *compile_source_mode(const char *bytes, size_t n, const char *filename, const char *mode);
int warnings_compile_hook(const Source *src, WarnCategory cat, int lineno, const char *msg);
Object *ast_parse_to_object(const char *text, size_t n, const char *filename, const char *mode);
Object *ast_module_init(void);
Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

enum { NSTMT = Stmt_Continue + 1, NEXPR = Expr_Slice + 1, NPATTERN = Pattern_MatchOr + 1 };

/* ---- the classes, as Python source --------------------------------------------------- */

typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (b->s && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = (b->cap ? b->cap * 2 : 65536) + (size_t)n;
        char *s = realloc(b->s, cap);
        if (!s)
            return;
        b->s = s;
        b->cap = cap;
    }
}

static const char ast_base_source[] =
    "class AST:\n"
    "    __module__ = 'ast'\n"
    "    _fields = ()\n"
    "    _attributes = ()\n"
    "    __match_args__ = ()\n"
    "    def __init__(self, *args, **kwargs):\n"
    "        fields = self._fields\n"
    "        if len(args) > len(fields):\n"
    "            raise TypeError(f\"{type(self).__name__} constructor takes at most \"\n"
    "                            f\"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}\")\n"
    "        for name, value in zip(fields, args):\n"
    "            setattr(self, name, value)\n"
    "        for name, value in kwargs.items():\n"
    "            setattr(self, name, value)\n"
    "    def __reduce__(self):\n"
    "        return type(self), (), dict(self.__dict__)\n"
    "_POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')\n"
    "class mod(AST): __module__ = 'ast'\n"
    "class type_ignore(AST): __module__ = 'ast'\n"
    "class expr_context(AST): __module__ = 'ast'\n"
    "class boolop(AST): __module__ = 'ast'\n"
    "class operator(AST): __module__ = 'ast'\n"
    "class unaryop(AST): __module__ = 'ast'\n"
    "class cmpop(AST): __module__ = 'ast'\n"
    "class stmt(AST):\n"
    "    __module__ = 'ast'\n"
    "    _attributes = _POS\n"
    "    end_lineno = end_col_offset = None\n"
    "class expr(AST):\n"
    "    __module__ = 'ast'\n"
    "    _attributes = _POS\n"
    "    end_lineno = end_col_offset = None\n"
    "class excepthandler(AST):\n"
    "    __module__ = 'ast'\n"
    "    _attributes = _POS\n"
    "    end_lineno = end_col_offset = None\n"
    "class pattern(AST):\n"
    "    __module__ = 'ast'\n"
    "    _attributes = _POS\n"
    "class Module(mod):\n"
    "    __module__ = 'ast'\n"
    "    _fields = __match_args__ = ('body', 'type_ignores')\n"
    "class Interactive(mod):\n"
    "    __module__ = 'ast'\n"
    "    _fields = __match_args__ = ('body',)\n"
    "class Expression(mod):\n"
    "    __module__ = 'ast'\n"
    "    _fields = __match_args__ = ('body',)\n"
    "class FunctionType(mod):\n"
    "    __module__ = 'ast'\n"
    "    _fields = __match_args__ = ('argtypes', 'returns')\n"
    "class TypeIgnore(type_ignore):\n"
    "    __module__ = 'ast'\n"
    "    _fields = __match_args__ = ('lineno', 'tag')\n"
    "PyCF_ONLY_AST = 1024\n"
    "PyCF_TYPE_COMMENTS = 4096\n"
    "PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192\n";

static void put_class(Buf *b, const AstNodeInfo *info, const char *base, bool own_attributes)
{
    put(b, "class %s(%s):\n    __module__ = 'ast'\n    _fields = __match_args__ = (", info->name, base);
    for (int i = 0; i < info->nfields; i++)
        put(b, "'%s',", info->fields[i].name);
    put(b, ")\n");
    for (int i = 0; i < info->nfields; i++)
        if (info->fields[i].opt && !info->fields[i].seq)
            put(b, "    %s = None\n", info->fields[i].name);
    if (own_attributes)
        put(b, "    _attributes = _POS\n    end_lineno = end_col_offset = None\n");
}

static void put_singletons(Buf *b, const char *const *names, int n, const char *base)
{
    for (int i = 0; i < n; i++)
        put(b, "class %s(%s): __module__ = 'ast'\n", names[i], base);
}

static char *classes_source(void)
{
    Buf b = { 0 };
    put(&b, "%s", ast_base_source);
    for (int k = 0; k < NSTMT; k++)
        put_class(&b, &ast_stmt_info[k], "stmt", false);
    for (int k = 0; k < NEXPR; k++)
        put_class(&b, &ast_expr_info[k], "expr", false);
    for (int k = 0; k < NPATTERN; k++)
        put_class(&b, &ast_pattern_info[k], "pattern", false);
    put_class(&b, &ast_excepthandler_info[0], "excepthandler", false);
    put_class(&b, &ast_comprehension_info, "AST", false);
    put_class(&b, &ast_arguments_info, "AST", false);
    put_class(&b, &ast_arg_info, "AST", true);
    put_class(&b, &ast_keyword_info, "AST", true);
    put_class(&b, &ast_alias_info, "AST", true);
    put_class(&b, &ast_withitem_info, "AST", false);
    put_class(&b, &ast_match_case_info, "AST", false);
    put_singletons(&b, ast_expr_context_names, ExprContext_Del + 1, "expr_context");
    put_singletons(&b, ast_boolop_names, BoolOp_Or + 1, "boolop");
    put_singletons(&b, ast_operator_names, Operator_FloorDiv + 1, "operator");
    put_singletons(&b, ast_unaryop_names, UnaryOp_USub + 1, "unaryop");
    put_singletons(&b, ast_cmpop_names, CmpOp_NotIn + 1, "cmpop");
    put(&b, "del _POS\n");
    return b.s;
}

Object *ast_module_init(void)
{
    Object *m = module_new(intern_cstr("_ast"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    if (dict_set_cstr(d, "__builtins__", vm.builtins) < 0)
        return NULL;
    char *src = classes_source();
    if (!src)
        return raise_no_memory();
    Object *code = compile_source_mode(src, strlen(src), "<_ast>", "exec");
    free(src);
    if (!code || !eval_code(code, d, d))
        return NULL;
    return m;
}

/* ---- the tree as objects -------------------------------------------------------------- */

typedef struct Conv {
    Object *ns;     /* the _ast module's dict */
} Conv;

static Object *node_object(Conv *cv, const void *node, AstFieldType type);

/* An instance of the class, made without calling AST.__init__ (no
   arguments to handle); its attributes go straight into its __dict__. */
static Object *new_node(Conv *cv, const char *cls)
{
    Object *c = dict_get_cstr(cv->ns, cls);
    if (!c || is_small(c) || layout_of(c) != L_TYPE || !((Type *)c)->tp_new)
        return raise(vm.e_SystemError, "_ast has no class %s", cls);
    Object *o = ((Type *)c)->tp_new(c, NULL, 0, NULL);
    return o && instance_dict(o, true) ? o : NULL;
}

static int set(Object *o, const char *name, Object *v)
{
    Object *d = v ? instance_dict(o, true) : NULL;
    return d ? dict_set(d, intern_cstr(name), v) : -1;
}

static Object *constant_object(const Constant *c)
{
    switch (c->kind) {
    case CONST_NONE: return None;
    case CONST_TRUE: return True_;
    case CONST_FALSE: return False_;
    case CONST_ELLIPSIS: return vm.ellipsis;
    case CONST_INT: return int_from_text(c->v.i.digits, c->v.i.base);
    case CONST_FLOAT: return float_new(c->v.f);
    case CONST_COMPLEX: return complex_new(0.0, c->v.f);
    case CONST_STR: return str_from_utf8(c->v.str.s, c->v.str.len);
    case CONST_BYTES: return bytes_new(c->v.str.s, c->v.str.len);
    }
    return raise(vm.e_SystemError, "bad constant kind");
}

static Object *enum_object(Conv *cv, AstFieldType type, int v)
{
    const char *const *names = type == AST_F_EXPR_CONTEXT ? ast_expr_context_names
                             : type == AST_F_BOOLOP ? ast_boolop_names
                             : type == AST_F_OPERATOR ? ast_operator_names
                             : type == AST_F_UNARYOP ? ast_unaryop_names : ast_cmpop_names;
    return new_node(cv, names[v]);
}

static Object *cstr_or_none(const char *s)
{
    return s ? str_from_cstr(s) : None;
}

static Object *value_object(Conv *cv, const AstField *f, const char *slot)
{
    switch (f->type) {
    case AST_F_IDENTIFIER: case AST_F_STRING: return cstr_or_none(*(const char *const *)slot);
    case AST_F_CONSTANT: return constant_object((const Constant *)slot);
    case AST_F_INT: return make_small(*(const int *)slot);
    case AST_F_EXPR_CONTEXT: case AST_F_BOOLOP: case AST_F_OPERATOR: case AST_F_UNARYOP: case AST_F_CMPOP:
        return enum_object(cv, f->type, *(const int *)slot);
    default: {
        const void *node = *(void *const *)slot;
        return node ? node_object(cv, node, f->type) : None;
    }
    }
}

/* Sequences of enums and strings hold them in the pointer slots. */
static Object *seq_item_object(Conv *cv, const AstField *f, void *item)
{
    if (f->type == AST_F_CMPOP)
        return enum_object(cv, AST_F_CMPOP, (int)(intptr_t)item);
    if (f->type == AST_F_IDENTIFIER || f->type == AST_F_STRING)
        return cstr_or_none(item);
    return item ? node_object(cv, item, f->type) : None;
}

static Object *fields_object(Conv *cv, const void *node, const AstNodeInfo *info, const int *pos)
{
    Object *o = new_node(cv, info->name);
    if (!o)
        return NULL;
    for (int i = 0; i < info->nfields; i++) {
        const AstField *f = &info->fields[i];
        const char *slot = (const char *)node + f->offset;
        Object *v;
        if (f->seq) {
            const AstSeq *s = *(AstSeq *const *)slot;
            v = list_new(0);
            for (int k = 0; v && k < SEQ_LEN(s); k++)
                if (list_append(v, seq_item_object(cv, f, s->a[k])) < 0)
                    return NULL;
        } else {
            v = value_object(cv, f, slot);
        }
        if (set(o, f->name, v) < 0)
            return NULL;
    }
    if (pos) {
        static const char *const names[4] = { "lineno", "col_offset", "end_lineno", "end_col_offset" };
        for (int i = 0; i < 4; i++)
            if (set(o, names[i], make_small(pos[i])) < 0)
                return NULL;
    }
    return o;
}

#define POS(n) ((const int[4]){ (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset })

static Object *node_object(Conv *cv, const void *node, AstFieldType type)
{
    switch (type) {
    case AST_F_EXPR: {
        const Expr *e = node;
        return fields_object(cv, e, &ast_expr_info[e->kind], POS(e));
    }
    case AST_F_STMT: {
        const Stmt *s = node;
        return fields_object(cv, s, &ast_stmt_info[s->kind], POS(s));
    }
    case AST_F_PATTERN: {
        const Pattern *p = node;
        return fields_object(cv, p, &ast_pattern_info[p->kind], POS(p));
    }
    case AST_F_EXCEPTHANDLER: {
        const ExceptHandler *h = node;
        return fields_object(cv, h, &ast_excepthandler_info[h->kind], POS(h));
    }
    case AST_F_ARG: return fields_object(cv, node, &ast_arg_info, POS((const Arg *)node));
    case AST_F_KEYWORD: return fields_object(cv, node, &ast_keyword_info, POS((const Keyword *)node));
    case AST_F_ALIAS: return fields_object(cv, node, &ast_alias_info, POS((const Alias *)node));
    case AST_F_ARGUMENTS: return fields_object(cv, node, &ast_arguments_info, NULL);
    case AST_F_WITHITEM: return fields_object(cv, node, &ast_withitem_info, NULL);
    case AST_F_MATCH_CASE: return fields_object(cv, node, &ast_match_case_info, NULL);
    case AST_F_COMPREHENSION: return fields_object(cv, node, &ast_comprehension_info, NULL);
    default: return raise(vm.e_SystemError, "bad AST field type %d", (int)type);
    }
}

static Object *stmts_object(Conv *cv, const AstSeq *body)
{
    Object *l = list_new(0);
    for (int i = 0; l && i < SEQ_LEN(body); i++)
        if (list_append(l, node_object(cv, body->a[i], AST_F_STMT)) < 0)
            return NULL;
    return l;
}

/* compile(source, filename, mode, PyCF_ONLY_AST): the tree of the source
   as _ast objects; a syntax error is raised as compiling would. */
Object *ast_parse_to_object(const char *text, size_t n, const char *filename, const char *mode)
{
    Object *mod = import_name(intern_cstr("_ast"), None, make_small(0), vm.builtins);
    if (!mod)
        return NULL;
    Conv cv = { ((ModuleObj *)mod)->dict };
    bool eval = !strcmp(mode, "eval"), single = !strcmp(mode, "single");
    if (eval)
        while (n && (*text == ' ' || *text == '\t'))
            text++, n--;
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = filename, .warn = warnings_compile_hook };
    size_t len;
    char *utf8 = source_decode(text, n, &len, &err);
    if (!utf8)
        return compile_source_mode(text, n, filename, mode);
    src.text = utf8;
    src.len = len;
    Arena *arena = arena_new();
    Object *result = NULL;
    bool failed = false;
    if (eval) {
        Expr *e = parse_eval_input(arena, &src, &err);
        failed = !e;
        if (e && (result = new_node(&cv, "Expression")) && set(result, "body", node_object(&cv, e, AST_F_EXPR)) < 0)
            result = NULL;
    } else {
        Module *m = single ? parse_interactive(arena, &src, &err) : parse_module(arena, &src, &err);
        failed = !m;
        if (m && (result = new_node(&cv, single ? "Interactive" : "Module"))
            && (set(result, "body", stmts_object(&cv, m->body)) < 0
                || (!single && set(result, "type_ignores", list_new(0)) < 0)))
            result = NULL;
    }
    arena_free(arena);
    free(utf8);
    if (failed && err.kind == ERR_RAISED)
        return NULL;
    if (failed)   /* the compiler reports the error with CPython's attributes */
        return compile_source_mode(text, n, filename, mode) ? raise(vm.e_SystemError, "AST parse failed") : NULL;
    return result;
}
