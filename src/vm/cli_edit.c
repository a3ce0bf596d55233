/*
** The REPL's line editing on a terminal (cli.c): libedit's readline
** interface, driven a character at a time so that a signal (Ctrl-C) ends
** the wait for input: its Python handler runs and, if it raises, the line
** is dropped.  Kept apart from the VM's headers, whose names (raise,
** Function) clash with <signal.h> and <editline/readline.h>.
*/
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/select.h>

#include <editline/readline.h>

/* The VM's side (mod_signal.c, mod_oserror.c). */
extern volatile sig_atomic_t signals_pending;
int signals_check(void);
void *os_blocking(void *(*fn)(void *), void *arg);

void edit_init(void);
int edit_line(const char *prompt, char **out);

void edit_init(void)
{
    /* libedit reads characters by the locale's encoding: the user's, or
       UTF-8 when that is a single-byte one such as C (CPython coerces the
       C locale likewise, PEP 538).  The VM itself does not depend on
       LC_CTYPE (c_locale.c). */
    if (!setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1)
        setlocale(LC_CTYPE, "C.UTF-8");
    rl_catch_signals = 0;
    rl_readline_name = "python";
    rl_initialize();
    using_history();
}

enum { LINE_OK, LINE_EOF, LINE_INTERRUPT };

static char *rl_line;
static bool line_done;

static void rl_got_line(char *line)
{
    rl_line = line;
    line_done = true;
    rl_callback_handler_remove();
}

static void *wait_stdin(void *arg)
{
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(0, &fds);
    *(int *)arg = select(1, &fds, NULL, NULL, NULL) < 0 ? errno : 0;
    return NULL;
}

/* One line from the terminal through libedit; Ctrl-C (a signal whose
   Python handler raises) gives LINE_INTERRUPT with the exception set. */
int edit_line(const char *prompt, char **out)
{
    line_done = false;
    rl_line = NULL;
    rl_callback_handler_install(prompt, rl_got_line);
    while (!line_done) {
        int err = 0;
        os_blocking(wait_stdin, &err);
        if (err == EINTR || signals_pending) {
            if (signals_check() < 0) {
                rl_replace_line("", 0);
                rl_callback_handler_remove();
                return LINE_INTERRUPT;
            }
            continue;
        }
        if (err) {
            rl_callback_handler_remove();
            return LINE_EOF;
        }
        rl_callback_read_char();
    }
    if (!rl_line)
        return LINE_EOF;
    if (*rl_line)
        add_history(rl_line);
    *out = rl_line;
    return LINE_OK;
}

