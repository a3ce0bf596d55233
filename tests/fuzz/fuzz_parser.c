/* libFuzzer entry point for the front end: any bytes go through
 * source_decode, the tokenizer, the parser, the symbol table and the
 * bytecode compiler; trees are dumped, code disassembled and errors
 * printed, so that those paths run on odd input too.  Built and run by
 * tests/fuzz/run-once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    SyntaxErr err = {0};
    size_t len;
    char *text = source_decode((const char *)data, size, &len, &err);
    Source src = {"<fuzz>", text, text ? len : 0, NULL, 0};
    if (text) {
        Arena *arena = arena_new();
        Module *m = parse_module(arena, &src, &err);
        CodeUnit *code = NULL;
        if (m) {
            ast_dump_module(sink, m);
            code = compile_module(arena, m, &src, &err, (int)(size % 3));
        }
        if (code)
            dis_code(sink, code);
        else
            err_print(&err, &src, sink);
        arena_free(arena);
    } else {
        err_print(&err, &src, sink);
    }
    free(text);
    return 0;
}
