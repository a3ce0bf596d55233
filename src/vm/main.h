/*
** The interpreter's entry point for the stmpy command.
*/
#ifndef STMPY_VM_MAIN_H
#define STMPY_VM_MAIN_H

/* stmpy FILE [ARGS...] and stmpy -c COMMAND [ARGS...]: argv[0] is FILE
   or "-c".  Returns the process exit status. */
int vm_main(int argc, char **argv);

#endif
