/*
** The _socket module under socket.py, selectors and asyncio: the socket
** type (AF_UNIX, AF_INET, AF_INET6), name resolution, address and byte
** order conversions, CPython's exceptions and constants.
**
** A socket is an L_NATIVE object holding its descriptor and its timeout
** as CPython keeps them: negative for blocking, 0 for non-blocking, and
** otherwise the descriptor is non-blocking underneath and each operation
** first waits with poll() for the time left.  Every call that may block
** (connect, accept, send, recv, the waits, getaddrinfo) runs with the
** thread detached from the heap (os_blocking): arguments are copied to C
** memory first, results turned into objects after.  Calls on non-blocking
** sockets cannot block and run in place.  A call cut short by a signal
** runs the handlers and goes on, as CPython does (PEP 475).
**
** A socket dropped without close() is closed by its finalizer, after the
** next collection (one runs when descriptors run out: out_of_descriptors).
*/
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "vm/buffer.h"
#include "vm/container.h"
#include "vm/mod_os.h"
#include "vm/num.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

typedef STM_SEG struct SockObj SockObj;
struct SockObj {                /* the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *refs_[NATIVE_REFS - 1];
    int fd;                     /* -1 once closed or detached */
    int family, socktype, proto;
    double timeout;             /* seconds; < 0: blocking */
};

/* Made once, under inevitability (socket_setup). */
static Type *t_socket, *e_gaierror, *e_herror;

/* setdefaulttimeout()'s value, for sockets made afterwards: no heap
   object, and every thread reads the same one. */
static double default_timeout = -1;

static SockObj *sock(Object *self, bool write)
{
    if (write)
        obj_write(self);
    else
        obj_read(self);
    return (SockObj *)self;
}

/* ---- time ------------------------------------------------------------------------ */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Milliseconds left before deadline, rounded up. */
static int ms_left(double deadline)
{
    double left = (deadline - now()) * 1000;
    return left <= 0 ? 0 : left > INT32_MAX ? INT32_MAX : (int)ceil(left);
}

/* A timeout argument: None is -1 (blocking). */
static int timeout_arg(Object *v, double *out)
{
    if (v == None) {
        *out = -1;
        return 0;
    }
    if (!is_int(v) && !is_float(v)) {
        raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
              type_name(type_of(v)));
        return -1;
    }
    if (number_as_double(v, out) < 0)
        return -1;
    if (isnan(*out)) {
        raise(vm.e_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (*out < 0) {
        raise(vm.e_ValueError, "Timeout value out of range");
        return -1;
    }
    return 0;
}

static Object *timeout_obj(double t)
{
    return t < 0 ? None : float_new(t);
}

/* ---- errors --------------------------------------------------------------------- */

static Object *raise_timeout(void)
{
    return raise(vm.e_TimeoutError, "timed out");
}

/* getaddrinfo's and getnameinfo's failures: gaierror(code, message), or
   the OSError of errno for EAI_SYSTEM. */
static Object *raise_gai(int code, int err)
{
    if (code == EAI_SYSTEM)
        return raise_os_error(err, NULL);
    Object *args[2] = { make_small(code), str_from_cstr(gai_strerror(code)) };
    if (!args[1])
        return NULL;
    Object *e = obj_call((Object *)e_gaierror, args, 2, NULL);
    return e ? raise_object(e) : NULL;
}

/* ---- integer arguments ------------------------------------------------------------ */

static int int_arg(Object *v, int *out)
{
    int64_t i;
    if (os_arg_int(v, &i) < 0)
        return -1;
    if (i < INT32_MIN || i > INT32_MAX) {
        raise(vm.e_OverflowError, "signed integer is %s than %s", i < 0 ? "less" : "greater",
              i < 0 ? "minimum" : "maximum");
        return -1;
    }
    *out = (int)i;
    return 0;
}

/* ---- addresses --------------------------------------------------------------------- */

typedef struct SockAddr {
    union {
        struct sockaddr sa;
        struct sockaddr_in in;
        struct sockaddr_in6 in6;
        struct sockaddr_un un;
        struct sockaddr_storage ss;
    } u;
    socklen_t len;
} SockAddr;

/* getaddrinfo(3) detached from the heap: it may ask a name server. */
struct GaiArgs {
    const char *host, *port;
    struct addrinfo hints, *res;
    int r, err;
};

static void *gai_blocking(void *arg)
{
    struct GaiArgs *a = arg;
    a->r = getaddrinfo(a->host, a->port, &a->hints, &a->res);
    a->err = errno;
    return NULL;
}

/* 0 with a->res to free, or -1 with gaierror (or OSError) set. */
static int gai_call(struct GaiArgs *a)
{
    os_irreversible("getaddrinfo");
    for (;;) {
        os_blocking(gai_blocking, a);
        if (a->r != EAI_SYSTEM || a->err != EINTR)
            break;
        if (signals_check() < 0)
            return -1;
    }
    if (a->r) {
        raise_gai(a->r, a->err);
        return -1;
    }
    return 0;
}

/* A host name argument as getaddrinfo takes it: str (IDNA-encoded when not
   ASCII), bytes or bytearray; malloc'ed. */
static char *host_arg(Object *h)
{
    Object *b = h;
    if (is_str(h)) {
        bool ascii = true;
        for (size_t i = 0; i < str_len(h) && ascii; i++)
            ascii = str_char(h, i) < 128;
        if (ascii) {
            size_t n;
            char *s = str_to_utf8(h, &n);
            if (s && strlen(s) != n) {
                free(s);
                raise(vm.e_TypeError, "host name must not contain null character");
                return NULL;
            }
            return s;
        }
        Object *enc = obj_getattr_cstr(h, "encode");
        Object *name = str_from_cstr("idna");
        if (!enc || !name || !(b = obj_call1(enc, name)))
            return NULL;
    }
    ByteView v;
    if (!byte_view(b, &v)) {
        raise(vm.e_TypeError, "str, bytes or bytearray expected, not %s", type_name(type_of(h)));
        return NULL;
    }
    if (memchr(v.data, 0, v.size)) {
        raise(vm.e_TypeError, "host name must not contain null character");
        return NULL;
    }
    char *s = malloc(v.size + 1);
    if (!s) {
        raise_no_memory();
        return NULL;
    }
    memcpy(s, v.data, v.size);
    s[v.size] = 0;
    return s;
}

/* The address of host `name` in `family` (AF_INET, AF_INET6, or
   AF_UNSPEC for either), as CPython's setipaddr: "" is the wildcard,
   "<broadcast>" the broadcast address, numeric addresses are read in
   place, names resolved.  The port is left 0. */
static int set_ip(const char *name, int family, SockAddr *out)
{
    memset(out, 0, sizeof *out);
    struct sockaddr_in *in = &out->u.in;
    struct sockaddr_in6 *in6 = &out->u.in6;
    if (family != AF_INET6) {
        in->sin_family = AF_INET;
        out->len = sizeof *in;
        if (!*name) {
            in->sin_addr.s_addr = htonl(INADDR_ANY);
            return 0;
        }
        if (!strcmp(name, "<broadcast>") || !strcmp(name, "255.255.255.255")) {
            in->sin_addr.s_addr = htonl(INADDR_BROADCAST);
            return 0;
        }
        if (inet_pton(AF_INET, name, &in->sin_addr) == 1)
            return 0;
    }
    if (family != AF_INET) {
        in6->sin6_family = AF_INET6;
        out->len = sizeof *in6;
        if (!*name) {
            in6->sin6_addr = in6addr_any;
            return 0;
        }
        if (!strcmp(name, "<broadcast>")) {
            raise(vm.e_OSError, "address family mismatched");
            return -1;
        }
        if (inet_pton(AF_INET6, name, &in6->sin6_addr) == 1)
            return 0;
    }
    struct GaiArgs a = { .host = name };
    a.hints.ai_family = family;
    if (gai_call(&a) < 0)
        return -1;
    memcpy(&out->u, a.res->ai_addr, a.res->ai_addrlen);
    out->len = a.res->ai_addrlen;
    freeaddrinfo(a.res);
    return 0;
}

static int port_arg(Object *v, const char *caller, uint16_t *out)
{
    int64_t p;
    if (os_arg_int(v, &p) < 0 || p < 0 || p > 0xffff) {
        if (exc_occurred() && !exc_matches(vm.e_OverflowError))
            return -1;
        exc_clear();
        raise(vm.e_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *out = htons((uint16_t)p);
    return 0;
}

/* An address argument of a socket of `family` (CPython's getsockaddrarg). */
static int addr_arg(int family, Object *v, const char *caller, SockAddr *out)
{
    memset(out, 0, sizeof *out);
    if (family == AF_UNIX) {
        Object *b = v;
        if (is_str(v)) {
            size_t n;
            char *p = fs_encode(v, &n);
            if (!p)
                return -1;
            b = bytes_new(p, n);
            free(p);
            if (!b)
                return -1;
        }
        Buffer buf;
        if (buffer_get(b, &buf, false) < 0)
            return -1;
        if (buf.len > sizeof out->u.un.sun_path) {
            raise(vm.e_OSError, "AF_UNIX path too long");
            return -1;
        }
        out->u.un.sun_family = AF_UNIX;
        memcpy(out->u.un.sun_path, buf.data, buf.len);
        keep_alive(b);
        out->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + buf.len);
        return 0;
    }
    if (family != AF_INET && family != AF_INET6) {
        raise(vm.e_OSError, "%s(): bad family", caller);
        return -1;
    }
    const char *fam = family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!is_small(v) && layout_of(v) != L_TUPLE) {
        raise(vm.e_TypeError, "%s(): %s address must be tuple, not %s", caller, fam,
              type_name(type_of(v)));
        return -1;
    }
    size_t n = is_small(v) ? 0 : tuple_size(v);
    if (family == AF_INET ? n != 2 : n < 2 || n > 4) {
        if (family == AF_INET)
            raise(vm.e_TypeError, "AF_INET address must be a pair (host, port)");
        else
            raise(vm.e_TypeError,
                  "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    char *host = host_arg(tuple_get(v, 0));
    if (!host)
        return -1;
    uint16_t port;
    int64_t flow = 0, scope = 0;
    int r = port_arg(tuple_get(v, 1), caller, &port);
    if (r == 0 && n > 2 && os_arg_int(tuple_get(v, 2), &flow) < 0)
        r = -1;
    if (r == 0 && n > 3 && os_arg_int(tuple_get(v, 3), &scope) < 0)
        r = -1;
    if (r == 0 && (flow < 0 || flow > 0xfffff)) {
        raise(vm.e_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        r = -1;
    }
    if (r == 0 && family == AF_INET) {
        r = set_ip(host, AF_INET, out);
        out->u.in.sin_port = port;
    } else if (r == 0) {
        r = set_ip(host, AF_INET6, out);
        out->u.in6.sin6_port = port;
        out->u.in6.sin6_flowinfo = htonl((uint32_t)flow);
        out->u.in6.sin6_scope_id = (uint32_t)scope;
    }
    free(host);
    return r;
}

/* An address as Python sees it (CPython's makesockaddr). */
static Object *addr_obj(const SockAddr *a)
{
    if (a->len == 0)
        return None;
    char text[INET6_ADDRSTRLEN];
    switch (a->u.sa.sa_family) {
    case AF_INET:
        inet_ntop(AF_INET, &a->u.in.sin_addr, text, sizeof text);
        return tuple_pack(2, str_from_cstr(text), make_small(ntohs(a->u.in.sin_port)));
    case AF_INET6:
        inet_ntop(AF_INET6, &a->u.in6.sin6_addr, text, sizeof text);
        return tuple_pack(4, str_from_cstr(text), make_small(ntohs(a->u.in6.sin6_port)),
                          int_from_u64(ntohl(a->u.in6.sin6_flowinfo)),
                          int_from_u64(a->u.in6.sin6_scope_id));
    case AF_UNIX: {
        size_t n = a->len - offsetof(struct sockaddr_un, sun_path);
        /* Linux's abstract names start with a NUL byte. */
        if (n > 0 && a->u.un.sun_path[0] == 0)
            return bytes_new(a->u.un.sun_path, n);
        return fs_decode(a->u.un.sun_path, strnlen(a->u.un.sun_path, n));
    }
    default:
        return tuple_pack(2, make_small(a->u.sa.sa_family),
                          bytes_new(a->u.sa.sa_data, sizeof a->u.sa.sa_data));
    }
}

/* ---- operations, waiting for readiness under a timeout ------------------------------- */

enum SockOp { SOP_RECV, SOP_RECVFROM, SOP_SEND, SOP_SENDTO, SOP_ACCEPT };

struct Call {
    enum SockOp op;
    int fd, flags;
    double timeout;             /* the socket's */
    double deadline;            /* timeout > 0 */
    char *buf;
    size_t len;
    SockAddr addr;
    ssize_t r;
    int err;
    bool timed_out;
};

static ssize_t do_op(struct Call *c)
{
    switch (c->op) {
    case SOP_RECV:
        return recv(c->fd, c->buf, c->len, c->flags);
    case SOP_RECVFROM:
        c->addr.len = sizeof c->addr.u;
        return recvfrom(c->fd, c->buf, c->len, c->flags, &c->addr.u.sa, &c->addr.len);
    case SOP_SEND:
        return send(c->fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
    case SOP_SENDTO:
        return sendto(c->fd, c->buf, c->len, c->flags | MSG_NOSIGNAL, &c->addr.u.sa, c->addr.len);
    case SOP_ACCEPT:
        c->addr.len = sizeof c->addr.u;
        return accept4(c->fd, &c->addr.u.sa, &c->addr.len, SOCK_CLOEXEC);
    }
    return -1;
}

/* Waits until fd is ready for `events` or the deadline passes: 1 ready,
   0 timed out, -1 with errno. */
static int wait_ready(int fd, short events, double deadline)
{
    /* A closed socket is "ready": the call then fails with EBADF. */
    if (fd < 0)
        return 1;
    struct pollfd p = { .fd = fd, .events = events };
    return poll(&p, 1, deadline < 0 ? -1 : ms_left(deadline));
}

/* Detached: the call, after waiting for readiness when the socket has a
   timeout; back on EINTR, for the signal handlers. */
static void *call_blocking(void *arg)
{
    struct Call *c = arg;
    short events = c->op == SOP_SEND || c->op == SOP_SENDTO ? POLLOUT : POLLIN;
    for (;;) {
        if (c->timeout > 0) {
            int n = wait_ready(c->fd, events, c->deadline);
            if (n < 0) {
                c->r = -1;
                c->err = errno;
                return NULL;
            }
            if (n == 0) {
                c->timed_out = true;
                return NULL;
            }
        }
        c->r = do_op(c);
        c->err = errno;
        if (c->r >= 0 || c->timeout <= 0 || (c->err != EAGAIN && c->err != EWOULDBLOCK))
            return NULL;
    }
}

/* Runs c on socket self: 0, or -1 with the exception set. */
static int sock_call(Object *self, struct Call *c, const char *what)
{
    SockObj *s = sock(self, false);
    c->fd = s->fd;
    c->timeout = s->timeout;
    /* sendall's calls share one deadline, set beforehand. */
    if (c->timeout > 0 && c->deadline == 0)
        c->deadline = now() + c->timeout;
    os_irreversible(what);
    for (;;) {
        c->timed_out = false;
        if (c->timeout == 0) {
            /* Non-blocking: the call cannot wait. */
            c->r = do_op(c);
            c->err = errno;
        } else {
            os_blocking(call_blocking, c);
        }
        if (c->timed_out) {
            raise_timeout();
            return -1;
        }
        if (c->r >= 0)
            return 0;
        if (c->err != EINTR) {
            raise_os_error(c->err, NULL);
            return -1;
        }
        if (signals_check() < 0)
            return -1;
    }
}

/* ---- the socket type: creation ------------------------------------------------------- */

static int set_blocking_fd(int fd, bool blocking)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -1;
    int want = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    return want == fl ? 0 : fcntl(fd, F_SETFL, want);
}

/* Sets the socket's timeout and the descriptor's mode to match. */
static int set_timeout(Object *self, double t)
{
    SockObj *s = sock(self, true);
    s->timeout = t;
    os_irreversible("setblocking");
    if (s->fd >= 0 && set_blocking_fd(s->fd, t < 0) < 0) {
        raise_os_error(errno, NULL);
        return -1;
    }
    return 0;
}

static Object *sock_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)cls;
    Object *o = vm_alloc(t->instance_size, L_NATIVE, t);
    if (!o)
        return NULL;
    SockObj *s = (SockObj *)o;
    s->fd = -1;
    s->timeout = -1;
    return o;
}

/* The socket's fields for descriptor fd; type may carry SOCK_NONBLOCK. */
static int sock_fill(Object *self, int fd, int family, int type, int proto)
{
    SockObj *s = sock(self, true);
    s->fd = fd;
    s->family = family;
    s->socktype = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
        return 0;
    }
    s->timeout = default_timeout;
    return default_timeout >= 0 ? set_timeout(self, default_timeout) : 0;
}

static int sockopt_int(int fd, int opt, int *out)
{
    socklen_t len = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, opt, out, &len);
}

/* socket(family=-1, type=-1, proto=-1, fileno=None) */
static int sock_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "family", "type", "proto", "fileno", NULL };
    Object *a[4];
    int family = -1, type = -1, proto = -1;
    if (args_parse("socket", args, nargs, kw, names, 0, 4, a) < 0
        || (a[0] && int_arg(a[0], &family) < 0) || (a[1] && int_arg(a[1], &type) < 0)
        || (a[2] && int_arg(a[2], &proto) < 0))
        return -1;
    os_irreversible("socket");
    int fd;
    if (a[3] && a[3] != None) {
        if (is_float(a[3])) {
            raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        if (int_arg(a[3], &fd) < 0)
            return -1;
        if (fd < 0) {
            raise(vm.e_ValueError, "negative file descriptor");
            return -1;
        }
        if ((family == -1 && sockopt_int(fd, SO_DOMAIN, &family) < 0)
            || (type == -1 && sockopt_int(fd, SO_TYPE, &type) < 0)
            || (proto == -1 && sockopt_int(fd, SO_PROTOCOL, &proto) < 0)) {
            raise_os_error(errno, NULL);
            return -1;
        }
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        bool collected = false;
        do
            fd = socket(family, type | SOCK_CLOEXEC, proto);
        while (fd < 0 && out_of_descriptors(&collected));
        if (fd < 0) {
            raise_os_error(errno, NULL);
            return -1;
        }
    }
    return sock_fill(self, fd, family, type, proto);
}

static Object *sock_new_fd(int fd, int family, int type, int proto)
{
    Object *o = sock_tp_new((Object *)t_socket, NULL, 0, NULL);
    if (!o || sock_fill(o, fd, family, type, proto) < 0) {
        close(fd);
        return NULL;
    }
    return o;
}

static Object *sock_repr(Object *self)
{
    SockObj *s = sock(self, false);
    return str_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family,
                      s->socktype, s->proto);
}

SLOT_METHODS(sock, t_socket)

/* ---- the socket type: methods --------------------------------------------------------- */

static int fd_of(Object *self)
{
    return sock(self, false)->fd;
}

static Object *s_fileno(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("fileno", kw, nargs, 0) < 0 ? NULL : make_small(fd_of(self));
}

static Object *s_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("close", kw, nargs, 0) < 0)
        return NULL;
    SockObj *s = sock(self, true);
    int fd = s->fd;
    if (fd < 0)
        return None;
    s->fd = -1;
    os_irreversible("close");
    /* The peer's reset still frees the descriptor: not worth an error. */
    if (close(fd) < 0 && errno != ECONNRESET)
        return raise_os_error(errno, NULL);
    return None;
}

/* The finalizer: closes the descriptor of a socket dropped unclosed (after
   a collection, not at its last reference: see out_of_descriptors()). */
static Object *s_del(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    SockObj *s = sock(self, true);
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        os_irreversible("close");
        close(fd);
    }
    return None;
}

static Object *s_detach(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("detach", kw, nargs, 0) < 0)
        return NULL;
    SockObj *s = sock(self, true);
    int fd = s->fd;
    s->fd = -1;
    return make_small(fd);
}

static Object *s_bind(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    SockAddr a;
    if (args_exact("bind", kw, nargs, 1) < 0
        || addr_arg(sock(self, false)->family, args[0], "bind", &a) < 0)
        return NULL;
    os_irreversible("bind");
    if (bind(fd_of(self), &a.u.sa, a.len) < 0)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *s_listen(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (args_no_kw("listen", kw) < 0 || args_count("listen", nargs, 0, 1) < 0
        || (nargs && int_arg(args[0], &backlog) < 0))
        return NULL;
    os_irreversible("listen");
    if (listen(fd_of(self), backlog < 0 ? 0 : backlog) < 0)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *s_accept(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_accept", kw, nargs, 0) < 0)
        return NULL;
    struct Call c = { .op = SOP_ACCEPT };
    if (sock_call(self, &c, "accept") < 0)
        return NULL;
    Object *addr = addr_obj(&c.addr);
    Object *r = addr ? tuple_pack(2, make_small(c.r), addr) : NULL;
    if (!r)
        close((int)c.r);
    return r;
}

/* connect(): with a timeout, the connection completes in the background
   while the call waits for it with poll(), then reads its outcome. */
struct ConnectArgs {
    int fd;
    double timeout, deadline;
    SockAddr addr;
    bool waiting;               /* connect() was made: wait for its end */
    int r, err;
    bool timed_out;
};

static void *connect_blocking(void *arg)
{
    struct ConnectArgs *c = arg;
    if (!c->waiting) {
        c->r = connect(c->fd, &c->addr.u.sa, c->addr.len);
        c->err = c->r < 0 ? errno : 0;
        if (c->r == 0 || (c->err != EINTR && !(c->timeout > 0 && c->err == EINPROGRESS)))
            return NULL;
        /* Interrupted or in progress: the connection goes on. */
        c->waiting = true;
        if (c->err == EINTR)
            return NULL;
    }
    int n = wait_ready(c->fd, POLLOUT, c->timeout > 0 ? c->deadline : -1);
    if (n <= 0) {
        c->timed_out = n == 0;
        c->r = -1;
        c->err = errno;
        return NULL;
    }
    int e = 0;
    socklen_t len = sizeof e;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &len) < 0)
        e = errno;
    c->r = e ? -1 : 0;
    c->err = e;
    return NULL;
}

/* 0 connected, else the errno (-1: another exception set).  A timeout is
   TimeoutError for connect(), EWOULDBLOCK for connect_ex(), as in CPython. */
static int sock_connect(Object *self, Object *addr, const char *caller)
{
    bool ex = !strcmp(caller, "connect_ex");
    SockObj *s = sock(self, false);
    struct ConnectArgs c = { .fd = s->fd, .timeout = s->timeout };
    if (addr_arg(s->family, addr, caller, &c.addr) < 0)
        return -1;
    if (c.timeout > 0)
        c.deadline = now() + c.timeout;
    os_irreversible("connect");
    for (;;) {
        c.timed_out = false;
        if (c.timeout == 0) {
            c.r = connect(c.fd, &c.addr.u.sa, c.addr.len);
            c.err = c.r < 0 ? errno : 0;
            return c.err;
        }
        os_blocking(connect_blocking, &c);
        if (c.timed_out) {
            if (ex)
                return EWOULDBLOCK;
            raise_timeout();
            return -1;
        }
        if (c.r == 0 || c.err != EINTR)
            return c.err;
        if (signals_check() < 0)
            return -1;
    }
}

static Object *s_connect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("connect", kw, nargs, 1) < 0)
        return NULL;
    int err = sock_connect(self, args[0], "connect");
    return err < 0 ? NULL : err ? raise_os_error(err, NULL) : None;
}

static Object *s_connect_ex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("connect_ex", kw, nargs, 1) < 0)
        return NULL;
    int err = sock_connect(self, args[0], "connect_ex");
    return err < 0 ? NULL : make_small(err);
}

/* A receive size: negative is refused. */
static int size_arg(Object *v, const char *fname, size_t *out)
{
    int64_t n;
    if (os_arg_int(v, &n) < 0)
        return -1;
    if (n < 0) {
        raise(vm.e_ValueError, "negative buffersize in %s", fname);
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

static int flags_arg(Object *v, int *flags)
{
    *flags = 0;
    return v ? int_arg(v, flags) : 0;
}

/* recv or recvfrom of up to n bytes into a malloc'ed c->buf. */
static int recv_some(Object *self, struct Call *c, size_t n, const char *what)
{
    c->len = n;
    c->buf = malloc(n ? n : 1);
    if (!c->buf) {
        raise_no_memory();
        return -1;
    }
    if (sock_call(self, c, what) < 0) {
        free(c->buf);
        return -1;
    }
    return 0;
}

static Object *s_recv(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    size_t n;
    struct Call c = { .op = SOP_RECV };
    if (args_no_kw("recv", kw) < 0 || args_count("recv", nargs, 1, 2) < 0
        || size_arg(args[0], "recv", &n) < 0 || flags_arg(nargs > 1 ? args[1] : NULL, &c.flags) < 0
        || recv_some(self, &c, n, "recv") < 0)
        return NULL;
    Object *r = bytes_new(c.buf, (size_t)c.r);
    free(c.buf);
    return r;
}

static Object *s_recvfrom(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    size_t n;
    struct Call c = { .op = SOP_RECVFROM };
    if (args_no_kw("recvfrom", kw) < 0 || args_count("recvfrom", nargs, 1, 2) < 0
        || size_arg(args[0], "recvfrom", &n) < 0
        || flags_arg(nargs > 1 ? args[1] : NULL, &c.flags) < 0
        || recv_some(self, &c, n, "recvfrom") < 0)
        return NULL;
    Object *data = bytes_new(c.buf, (size_t)c.r);
    free(c.buf);
    Object *addr = data ? addr_obj(&c.addr) : NULL;
    return addr ? tuple_pack(2, data, addr) : NULL;
}

/* recv_into and recvfrom_into: (buffer, nbytes=0, flags=0). */
static Object *recv_into(Object *self, Object *const *args, size_t nargs, Object *kw,
                         const char *fname, enum SockOp op)
{
    static const char *const names[] = { "buffer", "nbytes", "flags", NULL };
    Object *a[3];
    struct Call c = { .op = op };
    size_t n = 0;
    Buffer b;
    if (args_parse(fname, args, nargs, kw, names, 1, 3, a) < 0
        || (a[1] && size_arg(a[1], fname, &n) < 0) || flags_arg(a[2], &c.flags) < 0)
        return NULL;
    int got = buffer_try(a[0], &b, false);
    if (got < 0)
        return NULL;
    if (!got || b.readonly)
        return raise(vm.e_TypeError, "%s() argument 1 must be read-write bytes-like object, not %s",
                     fname, type_name(type_of(a[0])));
    if (n > b.len)
        return raise(vm.e_ValueError, "%s", op == SOP_RECV
                         ? "buffer too small for requested bytes"
                         : "nbytes is greater than the length of the buffer");
    if (recv_some(self, &c, n ? n : b.len, fname) < 0)
        return NULL;
    /* The target's address again: the wait may have let it move. */
    if (buffer_get(a[0], &b, true) < 0) {
        free(c.buf);
        return NULL;
    }
    memcpy(b.data, c.buf, (size_t)c.r < b.len ? (size_t)c.r : b.len);
    keep_alive(a[0]);
    free(c.buf);
    if (op == SOP_RECV)
        return make_small(c.r);
    Object *addr = addr_obj(&c.addr);
    return addr ? tuple_pack(2, make_small(c.r), addr) : NULL;
}

static Object *s_recv_into(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return recv_into(self, args, nargs, kw, "recv_into", SOP_RECV);
}

static Object *s_recvfrom_into(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return recv_into(self, args, nargs, kw, "recvfrom_into", SOP_RECVFROM);
}

/* The data of a send: copied out of the heap, for the detached call. */
static int data_arg(Object *v, struct Call *c)
{
    Buffer b;
    if (buffer_get(v, &b, false) < 0)
        return -1;
    c->len = b.len;
    c->buf = malloc(b.len ? b.len : 1);
    if (!c->buf) {
        raise_no_memory();
        return -1;
    }
    memcpy(c->buf, b.data, b.len);
    keep_alive(v);
    return 0;
}

static Object *s_send(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct Call c = { .op = SOP_SEND };
    if (args_no_kw("send", kw) < 0 || args_count("send", nargs, 1, 2) < 0
        || flags_arg(nargs > 1 ? args[1] : NULL, &c.flags) < 0 || data_arg(args[0], &c) < 0)
        return NULL;
    int r = sock_call(self, &c, "send");
    free(c.buf);
    return r < 0 ? NULL : make_small(c.r);
}

/* sendall: send() until all is sent, the socket's timeout counting for
   the whole. */
static Object *s_sendall(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct Call c = { .op = SOP_SEND };
    if (args_no_kw("sendall", kw) < 0 || args_count("sendall", nargs, 1, 2) < 0
        || flags_arg(nargs > 1 ? args[1] : NULL, &c.flags) < 0 || data_arg(args[0], &c) < 0)
        return NULL;
    char *data = c.buf;
    size_t total = c.len, done = 0;
    double timeout = sock(self, false)->timeout;
    if (timeout > 0)
        c.deadline = now() + timeout;
    while (done < total) {
        c.buf = data + done;
        c.len = total - done;
        if (sock_call(self, &c, "sendall") < 0) {
            free(data);
            return NULL;
        }
        done += (size_t)c.r;
        if (done < total && timeout > 0 && now() >= c.deadline) {
            free(data);
            return raise_timeout();
        }
        if (signals_check() < 0) {
            free(data);
            return NULL;
        }
    }
    free(data);
    return None;
}

static Object *s_sendto(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct Call c = { .op = SOP_SENDTO };
    if (args_no_kw("sendto", kw) < 0)
        return NULL;
    if (nargs != 2 && nargs != 3)
        return raise(vm.e_TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
    if (flags_arg(nargs == 3 ? args[1] : NULL, &c.flags) < 0
        || addr_arg(sock(self, false)->family, args[nargs - 1], "sendto", &c.addr) < 0
        || data_arg(args[0], &c) < 0)
        return NULL;
    int r = sock_call(self, &c, "sendto");
    free(c.buf);
    return r < 0 ? NULL : make_small(c.r);
}

static Object *s_shutdown(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int how;
    if (args_exact("shutdown", kw, nargs, 1) < 0 || int_arg(args[0], &how) < 0)
        return NULL;
    os_irreversible("shutdown");
    if (shutdown(fd_of(self), how) < 0)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *sock_name(Object *self, bool peer)
{
    SockAddr a;
    memset(&a, 0, sizeof a);
    a.len = sizeof a.u;
    int fd = fd_of(self);
    if ((peer ? getpeername(fd, &a.u.sa, &a.len) : getsockname(fd, &a.u.sa, &a.len)) < 0)
        return raise_os_error(errno, NULL);
    return addr_obj(&a);
}

static Object *s_getsockname(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getsockname", kw, nargs, 0) < 0 ? NULL : sock_name(self, false);
}

static Object *s_getpeername(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getpeername", kw, nargs, 0) < 0 ? NULL : sock_name(self, true);
}

/* setsockopt(level, option, int or bytes) or (level, option, None, optlen). */
static Object *s_setsockopt(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int level, opt;
    if (args_no_kw("setsockopt", kw) < 0 || args_count("setsockopt", nargs, 3, 4) < 0
        || int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0)
        return NULL;
    int r, fd = fd_of(self);
    os_irreversible("setsockopt");
    if (nargs == 4) {
        int64_t len;
        if (args[2] != None)
            return raise(vm.e_TypeError, "setsockopt() argument 3 must be NoneType, not %s",
                         type_name(type_of(args[2])));
        if (os_arg_int(args[3], &len) < 0)
            return NULL;
        r = setsockopt(fd, level, opt, NULL, (socklen_t)len);
    } else if (is_int(args[2])) {
        int v;
        if (int_arg(args[2], &v) < 0)
            return NULL;
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else {
        Buffer b;
        if (buffer_get(args[2], &b, false) < 0)
            return NULL;
        r = setsockopt(fd, level, opt, b.data, (socklen_t)b.len);
        keep_alive(args[2]);
    }
    return r < 0 ? raise_os_error(errno, NULL) : None;
}

/* getsockopt(level, option[, buflen]): an int, or buflen bytes. */
static Object *s_getsockopt(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int level, opt, buflen = 0;
    if (args_no_kw("getsockopt", kw) < 0 || args_count("getsockopt", nargs, 2, 3) < 0
        || int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0
        || (nargs > 2 && int_arg(args[2], &buflen) < 0))
        return NULL;
    int fd = fd_of(self);
    if (nargs == 2) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(fd, level, opt, &v, &len) < 0)
            return raise_os_error(errno, NULL);
        return make_small(v);
    }
    if (buflen <= 0 || buflen > 1024)
        return raise(vm.e_OSError, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(fd, level, opt, buf, &len) < 0)
        return raise_os_error(errno, NULL);
    return bytes_new(buf, len);
}

static Object *s_setblocking(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("setblocking", kw, nargs, 1) < 0)
        return NULL;
    int t = obj_truth(args[0]);
    if (t < 0 || set_timeout(self, t ? -1 : 0) < 0)
        return NULL;
    return None;
}

static Object *s_getblocking(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getblocking", kw, nargs, 0) < 0)
        return NULL;
    return bool_obj(sock(self, false)->timeout != 0);
}

static Object *s_settimeout(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double t;
    if (args_exact("settimeout", kw, nargs, 1) < 0 || timeout_arg(args[0], &t) < 0
        || set_timeout(self, t) < 0)
        return NULL;
    return None;
}

static Object *s_gettimeout(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("gettimeout", kw, nargs, 0) < 0 ? NULL
                                                      : timeout_obj(sock(self, false)->timeout);
}

static Object *get_family(Object *self) { return make_small(sock(self, false)->family); }
static Object *get_type(Object *self) { return make_small(sock(self, false)->socktype); }
static Object *get_proto(Object *self) { return make_small(sock(self, false)->proto); }
static Object *get_timeout(Object *self) { return timeout_obj(sock(self, false)->timeout); }

/* ---- module functions ------------------------------------------------------------- */

static Object *m_socketpair(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "family", "type", "proto", NULL };
    Object *a[3];
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0, fds[2];
    if (args_parse("socketpair", args, nargs, kw, names, 0, 3, a) < 0
        || (a[0] && int_arg(a[0], &family) < 0) || (a[1] && int_arg(a[1], &type) < 0)
        || (a[2] && int_arg(a[2], &proto) < 0))
        return NULL;
    os_irreversible("socketpair");
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0)
        return raise_os_error(errno, NULL);
    Object *x = sock_new_fd(fds[0], family, type, proto);
    if (!x) {
        close(fds[1]);
        return NULL;
    }
    Object *y = sock_new_fd(fds[1], family, type, proto);
    if (!y) {
        close(fds[0]);
        return NULL;
    }
    return tuple_pack(2, x, y);
}

/* getaddrinfo's port other than None: an int or a str/bytes service
   name, as text. */
static char *port_text(Object *v)
{
    if (is_int(v)) {
        int64_t p;
        if (int_to_i64(v, &p) < 0)
            return NULL;
        char *s = malloc(24);
        if (!s) {
            raise_no_memory();
            return NULL;
        }
        snprintf(s, 24, "%lld", (long long)p);
        return s;
    }
    if (is_str(v) || is_bytes(v))
        return host_arg(v);
    raise(vm.e_OSError, "Int or String expected");
    return NULL;
}

static Object *m_getaddrinfo(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "host", "port", "family", "type", "proto", "flags", NULL };
    Object *a[6];
    int v[4] = { 0, 0, 0, 0 };
    if (args_parse("getaddrinfo", args, nargs, kw, names, 2, 6, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++)
        if (a[i + 2] && int_arg(a[i + 2], &v[i]) < 0)
            return NULL;
    char *host = NULL, *port = NULL;
    if (a[0] != None) {
        if (!is_str(a[0]) && !is_bytes(a[0]))
            return raise(vm.e_TypeError, "getaddrinfo() argument 1 must be string or None");
        if (!(host = host_arg(a[0])))
            return NULL;
    }
    if (a[1] != None && !(port = port_text(a[1]))) {
        free(host);
        return NULL;
    }
    struct GaiArgs g = { .host = host, .port = port };
    g.hints.ai_family = v[0];
    g.hints.ai_socktype = v[1];
    g.hints.ai_protocol = v[2];
    g.hints.ai_flags = v[3];
    int r = gai_call(&g);
    free(host);
    free(port);
    if (r < 0)
        return NULL;
    Object *res = list_new(0);
    for (struct addrinfo *p = g.res; p && res; p = p->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(&sa.u, p->ai_addr, p->ai_addrlen);
        sa.len = p->ai_addrlen;
        Object *addr = addr_obj(&sa);
        Object *canon = addr ? str_from_cstr(p->ai_canonname ? p->ai_canonname : "") : NULL;
        Object *t = canon ? tuple_pack(5, make_small(p->ai_family), make_small(p->ai_socktype),
                                       make_small(p->ai_protocol), canon, addr)
                          : NULL;
        if (!t || list_append(res, t) < 0)
            res = NULL;
    }
    freeaddrinfo(g.res);
    return res;
}

struct NameInfoArgs {
    SockAddr addr;
    int flags, r, err;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
};

static void *nameinfo_blocking(void *arg)
{
    struct NameInfoArgs *a = arg;
    a->r = getnameinfo(&a->addr.u.sa, a->addr.len, a->host, sizeof a->host, a->serv,
                       sizeof a->serv, a->flags);
    a->err = errno;
    return NULL;
}

/* getnameinfo((host, port[, flowinfo, scope_id]), flags): the host must be
   numeric, as CPython resolves it with AI_NUMERICHOST. */
static Object *m_getnameinfo(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getnameinfo", kw, nargs, 2) < 0)
        return NULL;
    Object *sa = args[0];
    struct NameInfoArgs n;
    memset(&n, 0, sizeof n);
    if (is_small(sa) || layout_of(sa) != L_TUPLE)
        return raise(vm.e_TypeError, "getnameinfo() argument 1 must be a tuple");
    if (tuple_size(sa) < 2 || tuple_size(sa) > 4)
        return raise(vm.e_TypeError, "getnameinfo(): illegal sockaddr argument");
    if (int_arg(args[1], &n.flags) < 0)
        return NULL;
    char *host = host_arg(tuple_get(sa, 0));
    if (!host)
        return NULL;
    int64_t port, flow = 0, scope = 0;
    if (os_arg_int(tuple_get(sa, 1), &port) < 0
        || (tuple_size(sa) > 2 && os_arg_int(tuple_get(sa, 2), &flow) < 0)
        || (tuple_size(sa) > 3 && os_arg_int(tuple_get(sa, 3), &scope) < 0)) {
        free(host);
        return NULL;
    }
    if (flow < 0 || flow > 0xfffff) {
        free(host);
        return raise(vm.e_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    }
    char ptext[24];
    snprintf(ptext, sizeof ptext, "%lld", (long long)port);
    struct GaiArgs g = { .host = host, .port = ptext };
    g.hints.ai_socktype = SOCK_DGRAM;
    g.hints.ai_flags = AI_NUMERICHOST;
    int r = gai_call(&g);
    free(host);
    if (r < 0)
        return NULL;
    if (g.res->ai_next) {
        freeaddrinfo(g.res);
        return raise(vm.e_OSError, "sockaddr resolved to multiple addresses");
    }
    memcpy(&n.addr.u, g.res->ai_addr, g.res->ai_addrlen);
    n.addr.len = g.res->ai_addrlen;
    freeaddrinfo(g.res);
    if (n.addr.u.sa.sa_family == AF_INET && tuple_size(sa) != 2)
        return raise(vm.e_OSError, "IPv4 sockaddr must be 2 tuple");
    if (n.addr.u.sa.sa_family == AF_INET6) {
        n.addr.u.in6.sin6_flowinfo = htonl((uint32_t)flow);
        n.addr.u.in6.sin6_scope_id = (uint32_t)scope;
    }
    os_irreversible("getnameinfo");
    for (;;) {
        os_blocking(nameinfo_blocking, &n);
        if (n.r != EAI_SYSTEM || n.err != EINTR)
            break;
        if (signals_check() < 0)
            return NULL;
    }
    if (n.r)
        return raise_gai(n.r, n.err);
    return tuple_pack(2, fs_decode(n.host, strlen(n.host)), fs_decode(n.serv, strlen(n.serv)));
}

static Object *m_gethostname(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("gethostname", kw, nargs, 0) < 0)
        return NULL;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return raise_os_error(errno, NULL);
    buf[sizeof buf - 1] = 0;
    return fs_decode(buf, strlen(buf));
}

static Object *m_gethostbyname(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("gethostbyname", kw, nargs, 1) < 0)
        return NULL;
    char *host = host_arg(args[0]);
    if (!host)
        return NULL;
    SockAddr a;
    int r = set_ip(host, AF_INET, &a);
    free(host);
    if (r < 0)
        return NULL;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a.u.in.sin_addr, text, sizeof text);
    return str_from_cstr(text);
}

/* gethostbyname_r or gethostbyaddr_r, detached: they may ask a name
   server.  The entry's strings live in buf. */
struct HostArgs {
    const char *name;           /* NULL: look up addr */
    SockAddr addr;
    struct hostent he, *res;
    int herr;
    _Alignas(max_align_t) char buf[16384];     /* glibc keeps pointers there */
};

static void *host_blocking(void *arg)
{
    struct HostArgs *a = arg;
    if (a->name)
        gethostbyname_r(a->name, &a->he, a->buf, sizeof a->buf, &a->res, &a->herr);
    else if (a->addr.u.sa.sa_family == AF_INET)
        gethostbyaddr_r(&a->addr.u.in.sin_addr, sizeof(struct in_addr), AF_INET, &a->he, a->buf,
                        sizeof a->buf, &a->res, &a->herr);
    else
        gethostbyaddr_r(&a->addr.u.in6.sin6_addr, sizeof(struct in6_addr), AF_INET6, &a->he,
                        a->buf, sizeof a->buf, &a->res, &a->herr);
    return NULL;
}

/* (name, aliases, addresses), or herror(h_errno, message). */
static Object *host_call(struct HostArgs *a)
{
    os_irreversible("gethostby");
    os_blocking(host_blocking, a);
    if (!a->res) {
        Object *args[2] = { make_small(a->herr), str_from_cstr(hstrerror(a->herr)) };
        Object *e = args[1] ? obj_call((Object *)e_herror, args, 2, NULL) : NULL;
        return e ? raise_object(e) : NULL;
    }
    struct hostent *h = a->res;
    Object *name = fs_decode(h->h_name, strlen(h->h_name));
    Object *aliases = list_new(0), *addrs = list_new(0);
    if (!name || !aliases || !addrs)
        return NULL;
    for (char **p = h->h_aliases; *p; p++) {
        Object *s = fs_decode(*p, strlen(*p));
        if (!s || list_append(aliases, s) < 0)
            return NULL;
    }
    for (char **p = h->h_addr_list; *p; p++) {
        char text[INET6_ADDRSTRLEN];
        Object *s = inet_ntop(h->h_addrtype, *p, text, sizeof text) ? str_from_cstr(text) : NULL;
        if (!s || list_append(addrs, s) < 0)
            return s ? NULL : raise_os_error(errno, NULL);
    }
    return tuple_pack(3, name, aliases, addrs);
}

static Object *m_gethostbyname_ex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("gethostbyname_ex", kw, nargs, 1) < 0)
        return NULL;
    struct HostArgs *a = calloc(1, sizeof *a);
    char *host = a ? host_arg(args[0]) : NULL;
    Object *r = NULL;
    /* As CPython: a name that does not resolve is a gaierror. */
    if (host && set_ip(host, AF_INET, &a->addr) == 0) {
        a->name = host;
        r = host_call(a);
    } else if (!a) {
        raise_no_memory();
    }
    free(host);
    free(a);
    return r;
}

static Object *m_gethostbyaddr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("gethostbyaddr", kw, nargs, 1) < 0)
        return NULL;
    struct HostArgs *a = calloc(1, sizeof *a);
    char *host = a ? host_arg(args[0]) : NULL;
    Object *r = NULL;
    if (host && set_ip(host, AF_UNSPEC, &a->addr) == 0)
        r = host_call(a);
    else if (!a)
        raise_no_memory();
    free(host);
    free(a);
    return r;
}

static int str_arg(Object *v, const char *fname, int pos, char *buf, size_t size)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "%s() argument %d must be str, not %s", fname, pos,
              type_name(type_of(v)));
        return -1;
    }
    size_t n;
    char *s = str_to_utf8(v, &n);
    if (!s)
        return -1;
    if (strlen(s) != n) {
        free(s);
        raise(vm.e_ValueError, "embedded null character");
        return -1;
    }
    /* Longer than any address: refused by inet_pton all the same. */
    snprintf(buf, size, "%s", n < size ? s : "-");
    free(s);
    return 0;
}

static Object *m_inet_aton(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    char text[64];
    struct in_addr a;
    if (args_exact("inet_aton", kw, nargs, 1) < 0
        || str_arg(args[0], "inet_aton", 1, text, sizeof text) < 0)
        return NULL;
    if (!inet_aton(text, &a))
        return raise(vm.e_OSError, "illegal IP address string passed to inet_aton");
    return bytes_new((const char *)&a, 4);
}

static Object *m_inet_ntoa(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Buffer b;
    if (args_exact("inet_ntoa", kw, nargs, 1) < 0 || buffer_get(args[0], &b, false) < 0)
        return NULL;
    if (b.len != 4)
        return raise(vm.e_OSError, "packed IP wrong length for inet_ntoa");
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b.data, text, sizeof text);
    return str_from_cstr(text);
}

static Object *m_inet_pton(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int af;
    char text[128];
    unsigned char packed[16];
    if (args_exact("inet_pton", kw, nargs, 2) < 0 || int_arg(args[0], &af) < 0
        || str_arg(args[1], "inet_pton", 2, text, sizeof text) < 0)
        return NULL;
    int r = inet_pton(af, text, packed);
    if (r < 0)
        return raise_os_error(errno, NULL);
    if (r == 0)
        return raise(vm.e_OSError, "illegal IP address string passed to inet_pton");
    return bytes_new((const char *)packed, af == AF_INET ? 4 : 16);
}

static Object *m_inet_ntop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int af;
    Buffer b;
    if (args_exact("inet_ntop", kw, nargs, 2) < 0 || int_arg(args[0], &af) < 0
        || buffer_get(args[1], &b, false) < 0)
        return NULL;
    if (af != AF_INET && af != AF_INET6)
        return raise(vm.e_ValueError, "unknown address family %d", af);
    if (b.len != (af == AF_INET ? 4u : 16u))
        return raise(vm.e_ValueError, "invalid length of packed IP address string");
    char text[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, b.data, text, sizeof text))
        return raise_os_error(errno, NULL);
    return str_from_cstr(text);
}

/* htons and ntohs: a 16-bit value. */
static Object *short_swap(Object *const *args, size_t nargs, Object *kw, const char *fname)
{
    int x;
    if (args_exact(fname, kw, nargs, 1) < 0 || int_arg(args[0], &x) < 0)
        return NULL;
    if (x < 0)
        return raise(vm.e_OverflowError,
                     "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
    if (x > 0xffff)
        return raise(vm.e_OverflowError,
                     "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    return make_small(htons((uint16_t)x));
}

/* htonl and ntohl: a 32-bit value. */
static Object *long_swap(Object *const *args, size_t nargs, Object *kw, const char *fname)
{
    if (args_exact(fname, kw, nargs, 1) < 0)
        return NULL;
    if (!is_int(args[0]))
        return raise(vm.e_TypeError, "expected int, %s found", type_name(type_of(args[0])));
    uint64_t bits;
    bool neg;
    if (int_bits64(int_value(args[0]), &bits, &neg) < 0)
        return raise(vm.e_OverflowError, "Python int too large to convert to C unsigned long");
    if (neg)
        return raise(vm.e_OverflowError, "can't convert negative value to unsigned int");
    if (bits > 0xffffffffu)
        return raise(vm.e_OverflowError, "int larger than 32 bits");
    return int_from_u64(htonl((uint32_t)bits));
}

static Object *m_htons(Object *s, Object *const *a, size_t n, Object *kw)
{
    return short_swap(a, n, kw, "htons");
}
static Object *m_ntohs(Object *s, Object *const *a, size_t n, Object *kw)
{
    return short_swap(a, n, kw, "ntohs");
}
static Object *m_htonl(Object *s, Object *const *a, size_t n, Object *kw)
{
    return long_swap(a, n, kw, "htonl");
}
static Object *m_ntohl(Object *s, Object *const *a, size_t n, Object *kw)
{
    return long_swap(a, n, kw, "ntohl");
}

static Object *m_getdefaulttimeout(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getdefaulttimeout", kw, nargs, 0) < 0 ? NULL : timeout_obj(default_timeout);
}

static Object *m_setdefaulttimeout(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double t;
    if (args_exact("setdefaulttimeout", kw, nargs, 1) < 0 || timeout_arg(args[0], &t) < 0)
        return NULL;
    /* A C global written by a transaction must not be rolled back. */
    os_irreversible("setdefaulttimeout");
    default_timeout = t;
    return None;
}

static Object *m_dup(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int fd;
    if (args_exact("dup", kw, nargs, 1) < 0 || int_arg(args[0], &fd) < 0)
        return NULL;
    os_irreversible("dup");
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? raise_os_error(errno, NULL) : make_small(r);
}

static Object *m_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int fd;
    if (args_exact("close", kw, nargs, 1) < 0 || int_arg(args[0], &fd) < 0)
        return NULL;
    os_irreversible("close");
    if (close(fd) < 0 && errno != ECONNRESET)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *cmsg_size(Object *const *args, size_t nargs, Object *kw, const char *fname,
                         bool space)
{
    int64_t n;
    if (args_exact(fname, kw, nargs, 1) < 0 || os_arg_int(args[0], &n) < 0)
        return NULL;
    if (n < 0 || n > INT32_MAX)
        return raise(vm.e_OverflowError, "%s() argument out of range", fname);
    return int_from_u64(space ? CMSG_SPACE((size_t)n) : CMSG_LEN((size_t)n));
}

static Object *m_cmsg_len(Object *s, Object *const *a, size_t n, Object *kw)
{
    return cmsg_size(a, n, kw, "CMSG_LEN", false);
}
static Object *m_cmsg_space(Object *s, Object *const *a, size_t n, Object *kw)
{
    return cmsg_size(a, n, kw, "CMSG_SPACE", true);
}

/* ---- the module ----------------------------------------------------------------------- */

static Type *exc_class(const char *name)
{
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("socket")) < 0)
        return NULL;
    Object *args[3] = { str_from_cstr(name), tuple_pack(1, (Object *)vm.e_OSError), ns };
    if (!args[0] || !args[1])
        return NULL;
    return (Type *)obj_call((Object *)vm.t_type, args, 3, NULL);
}

static bool socket_setup(void)
{
    if (t_socket)
        return true;
    /* The globals name committed objects: set under inevitability. */
    os_irreversible("socket types");
    /* Inevitable transactions run one at a time: another thread may have
       made them while this one waited. */
    if (t_socket)
        return true;
    stm_add_root((stm_obj **)&e_gaierror);
    stm_add_root((stm_obj **)&e_herror);
    if (!(e_gaierror = exc_class("gaierror")) || !(e_herror = exc_class("herror")))
        return false;
    static const MethodDef methods[] = {
        { "fileno", s_fileno, 0 }, { "close", s_close, 0 }, { "detach", s_detach, 0 },
        { "__del__", s_del, 0 }, { "bind", s_bind, 0 }, { "listen", s_listen, 0 }, { "_accept", s_accept, 0 },
        { "connect", s_connect, 0 }, { "connect_ex", s_connect_ex, 0 },
        { "recv", s_recv, 0 }, { "recvfrom", s_recvfrom, 0 }, { "recv_into", s_recv_into, 0 },
        { "recvfrom_into", s_recvfrom_into, 0 }, { "send", s_send, 0 },
        { "sendall", s_sendall, 0 }, { "sendto", s_sendto, 0 }, { "shutdown", s_shutdown, 0 },
        { "getsockname", s_getsockname, 0 }, { "getpeername", s_getpeername, 0 },
        { "setsockopt", s_setsockopt, 0 }, { "getsockopt", s_getsockopt, 0 },
        { "setblocking", s_setblocking, 0 }, { "getblocking", s_getblocking, 0 },
        { "settimeout", s_settimeout, 0 }, { "gettimeout", s_gettimeout, 0 },
        { NULL, NULL, 0 },
    };
    Type *t = type_new_builtin("socket", vm.t_object, L_NATIVE, sizeof(struct SockObj),
                               TF_BASETYPE | TF_FINALIZE);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("_socket"));
    t->tp_new = sock_tp_new;
    t->init = sock_init;
    t->repr = sock_repr;
    t->getattr = generic_getattr;
    type_add_methods(t, methods);
    type_add_slot_methods(t, sock_slot_methods);
    getset_new(t, "family", get_family, NULL);
    getset_new(t, "type", get_type, NULL);
    getset_new(t, "proto", get_proto, NULL);
    getset_new(t, "timeout", get_timeout, NULL);
    type_inherit(t);
    stm_add_root((stm_obj **)&t_socket);
    /* Last: other threads take a set global for a finished type. */
    t_socket = t;
    return true;
}

Object *socket_module_init(void)
{
    static const MethodDef functions[] = {
        { "socketpair", m_socketpair, 0 }, { "getaddrinfo", m_getaddrinfo, 0 },
        { "getnameinfo", m_getnameinfo, 0 }, { "gethostname", m_gethostname, 0 },
        { "gethostbyname", m_gethostbyname, 0 }, { "gethostbyname_ex", m_gethostbyname_ex, 0 },
        { "gethostbyaddr", m_gethostbyaddr, 0 }, { "inet_aton", m_inet_aton, 0 },
        { "inet_ntoa", m_inet_ntoa, 0 }, { "inet_pton", m_inet_pton, 0 },
        { "inet_ntop", m_inet_ntop, 0 }, { "htons", m_htons, 0 }, { "ntohs", m_ntohs, 0 },
        { "htonl", m_htonl, 0 }, { "ntohl", m_ntohl, 0 },
        { "getdefaulttimeout", m_getdefaulttimeout, 0 },
        { "setdefaulttimeout", m_setdefaulttimeout, 0 }, { "dup", m_dup, 0 },
        { "close", m_close, 0 }, { "CMSG_LEN", m_cmsg_len, 0 }, { "CMSG_SPACE", m_cmsg_space, 0 },
        { NULL, NULL, 0 },
    };
    if (!socket_setup())
        return NULL;
    Object *m = os_module_new("_socket", functions);
    if (!m)
        return NULL;
    os_module_add(m, "socket", (Object *)t_socket);
    os_module_add(m, "SocketType", (Object *)t_socket);
    os_module_add(m, "error", (Object *)vm.e_OSError);
    os_module_add(m, "timeout", (Object *)vm.e_TimeoutError);
    os_module_add(m, "gaierror", (Object *)e_gaierror);
    os_module_add(m, "herror", (Object *)e_herror);
    os_module_add(m, "has_ipv6", True_);
#define C(name) os_module_add_int(m, #name, name);
    C(AF_UNSPEC) C(AF_UNIX) C(AF_INET) C(AF_INET6) C(AF_NETLINK) C(AF_PACKET)
    C(SOCK_STREAM) C(SOCK_DGRAM) C(SOCK_RAW) C(SOCK_RDM) C(SOCK_SEQPACKET)
    C(SOCK_NONBLOCK) C(SOCK_CLOEXEC)
    C(SOL_SOCKET) C(SOL_IP) C(SOL_TCP) C(SOMAXCONN) C(SCM_RIGHTS) C(SCM_CREDENTIALS)
    C(SO_DEBUG) C(SO_ACCEPTCONN) C(SO_REUSEADDR) C(SO_REUSEPORT) C(SO_KEEPALIVE)
    C(SO_DONTROUTE) C(SO_BROADCAST) C(SO_LINGER) C(SO_OOBINLINE) C(SO_SNDBUF) C(SO_RCVBUF)
    C(SO_SNDLOWAT) C(SO_RCVLOWAT) C(SO_SNDTIMEO) C(SO_RCVTIMEO) C(SO_ERROR) C(SO_TYPE)
    C(SO_PASSCRED) C(SO_PEERCRED) C(SO_DOMAIN) C(SO_PROTOCOL) C(SO_BINDTODEVICE)
    C(SO_PRIORITY) C(SO_MARK)
    C(MSG_OOB) C(MSG_PEEK) C(MSG_DONTROUTE) C(MSG_DONTWAIT) C(MSG_EOR) C(MSG_TRUNC)
    C(MSG_CTRUNC) C(MSG_WAITALL) C(MSG_NOSIGNAL) C(MSG_CMSG_CLOEXEC) C(MSG_ERRQUEUE)
    C(MSG_CONFIRM) C(MSG_MORE)
    C(IPPROTO_IP) C(IPPROTO_ICMP) C(IPPROTO_TCP) C(IPPROTO_UDP) C(IPPROTO_IPV6)
    C(IPPROTO_ICMPV6) C(IPPROTO_RAW)
    C(IP_TOS) C(IP_TTL) C(IP_HDRINCL) C(IP_OPTIONS) C(IP_RECVTOS) C(IP_MULTICAST_IF)
    C(IP_MULTICAST_TTL) C(IP_MULTICAST_LOOP) C(IP_ADD_MEMBERSHIP) C(IP_DROP_MEMBERSHIP)
    C(IPV6_V6ONLY) C(IPV6_JOIN_GROUP) C(IPV6_LEAVE_GROUP) C(IPV6_MULTICAST_HOPS)
    C(IPV6_MULTICAST_IF) C(IPV6_MULTICAST_LOOP) C(IPV6_UNICAST_HOPS)
    C(TCP_NODELAY) C(TCP_MAXSEG) C(TCP_CORK) C(TCP_KEEPIDLE) C(TCP_KEEPINTVL) C(TCP_KEEPCNT)
    C(TCP_QUICKACK) C(TCP_USER_TIMEOUT) C(TCP_NOTSENT_LOWAT)
    C(INADDR_ANY) C(INADDR_BROADCAST) C(INADDR_LOOPBACK) C(INADDR_NONE)
    C(SHUT_RD) C(SHUT_WR) C(SHUT_RDWR)
    C(AI_PASSIVE) C(AI_CANONNAME) C(AI_NUMERICHOST) C(AI_NUMERICSERV) C(AI_V4MAPPED)
    C(AI_ALL) C(AI_ADDRCONFIG)
    C(NI_NUMERICHOST) C(NI_NUMERICSERV) C(NI_NOFQDN) C(NI_NAMEREQD) C(NI_DGRAM)
    C(NI_MAXHOST) C(NI_MAXSERV)
    C(EAI_ADDRFAMILY) C(EAI_AGAIN) C(EAI_BADFLAGS) C(EAI_FAIL) C(EAI_FAMILY) C(EAI_MEMORY)
    C(EAI_NODATA) C(EAI_NONAME) C(EAI_OVERFLOW) C(EAI_SERVICE) C(EAI_SOCKTYPE) C(EAI_SYSTEM)
#undef C
    /* glibc has no SOL_UDP; CPython's is the protocol number. */
    os_module_add_int(m, "SOL_UDP", IPPROTO_UDP);
    return m;
}
