/*
** A tiny test framework for libstm's C tests.  Each test runs in a child
** process of its own (so it can set up libstm as it likes, and a crash or
** an abort() fails that test alone) and prints "PASS name" or "FAIL name".
*/
#ifndef TESTLIB_H
#define TESTLIB_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct test_case {
    const char *name;
    void (*fn)(void);
    int expect_signal;      /* 0: must exit 0; else must die of this signal */
};

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            printf("check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            fflush(stdout);                                               \
            _exit(1);                                                     \
        }                                                                 \
    } while (0)

#define CHECK_EQ(a, b)                                                    \
    do {                                                                  \
        long long a_ = (long long)(a), b_ = (long long)(b);               \
        if (a_ != b_) {                                                   \
            printf("check failed: %s == %s (%lld != %lld) (%s:%d)\n",     \
                   #a, #b, a_, b_, __FILE__, __LINE__);                   \
            fflush(stdout);                                               \
            _exit(1);                                                     \
        }                                                                 \
    } while (0)

/* Seconds a single test may take before it counts as hung. */
#ifndef TEST_TIMEOUT
#  define TEST_TIMEOUT 300
#endif

static inline int run_tests(const struct test_case *tests, size_t n)
{
    int failed = 0;
    const char *only = getenv("TEST_ONLY");
    for (size_t i = 0; i < n; i++) {
        if (only && strcmp(only, tests[i].name) != 0)
            continue;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            alarm(TEST_TIMEOUT);
            if (tests[i].expect_signal)     /* keep expected aborts quiet */
                signal(SIGABRT, SIG_DFL);
            tests[i].fn();
            fflush(stdout);
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        bool ok;
        if (tests[i].expect_signal)
            ok = WIFSIGNALED(status) && WTERMSIG(status) == tests[i].expect_signal;
        else
            ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (ok) {
            printf("PASS %s\n", tests[i].name);
        } else {
            failed++;
            if (WIFSIGNALED(status))
                printf("FAIL %s: killed by signal %d%s\n", tests[i].name, WTERMSIG(status),
                       WTERMSIG(status) == SIGALRM ? " (timeout)" : "");
            else
                printf("FAIL %s: exit status %d\n", tests[i].name, WEXITSTATUS(status));
        }
    }
    return failed ? 1 : 0;
}

#define RUN_TESTS(...)                                                    \
    int main(void)                                                        \
    {                                                                     \
        static const struct test_case tests_[] = {__VA_ARGS__};           \
        return run_tests(tests_, sizeof tests_ / sizeof tests_[0]);       \
    }

#endif
