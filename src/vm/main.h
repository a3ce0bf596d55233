/*
** The interpreter's entry point for the stmpy command.
*/
#ifndef STMPY_VM_MAIN_H
#define STMPY_VM_MAIN_H

#include <stdbool.h>

/* The version `stmpy -V` prints (sys.version starts with it). */
#define STMPY_PYTHON_VERSION "3.11.0"

/* What the command line asks for (src/stmpy.c parses it).  At most one of
   command, module and script is set; none means the REPL when stdin is a
   terminal, the program read from stdin otherwise ("-" as script too). */
typedef struct VmOptions {
    const char *command;      /* -c CMD */
    const char *module;       /* -m MOD */
    const char *script;       /* FILE, or "-" for stdin */
    int argc;                 /* the program's own arguments (sys.argv[1:]) */
    char **argv;
    bool inspect;             /* -i: the REPL after the program */
    bool unbuffered;          /* -u: stdout and stderr unbuffered */
    bool quiet;               /* -q: no banner in the REPL */
    int nxoptions;            /* -X OPT... */
    char **xoptions;
    int nwarnoptions;         /* -W ARG... */
    char **warnoptions;
    int orig_argc;            /* the whole command line (sys.orig_argv) */
    char **orig_argv;
} VmOptions;

/* Runs what the options say; returns the process exit status. */
int vm_main(const VmOptions *o);

#endif
