/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * File output. A regular file (or a new one) is replaced atomically: write a
 * temporary file beside it, fsync, rename; a reader sees the old file or the
 * new one, never a partial one. The temporary file is created with mode 0666
 * so the kernel applies the caller's umask (a new file gets what `touch`
 * would give it), and an existing file keeps its mode. A target that is not a
 * regular file — a character device such as /dev/null or a terminal, a FIFO,
 * /dev/stdout — is written through, never replaced by a regular file; a
 * symbolic link to a regular file keeps the link and replaces its target.
 * Directories, sockets and block devices are refused. gidx_output_* is the
 * same as a stream: the bytes go into the temporary file as they are made
 * (a 50 MB CSV is not held in memory first) and commit renames it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

gidx_status gidx__write_all(int fd, const char *data, size_t len, int *err)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            *err = errno;
            return GIDX_EIO;
        }
        off += (size_t)w;
    }
    return GIDX_OK;
}

/* 1 when the link leads into /dev or /proc (/dev/stdout -> /proc/self/fd/1):
 * an open descriptor is behind it, to be written through (appending, as the
 * shell's redirection does), never replaced, even when it is a regular file. */
static int proc_link(const char *path)
{
    char buf[64];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strncmp(buf, "/dev/", 5) == 0 || strncmp(buf, "/proc/", 6) == 0;
}

/* Create path.tmp.XXXXXX with O_EXCL and mode 0666 (so the umask applies). */
static int create_temp(char *tmp, size_t plen)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static atomic_uint counter;
    int attempt;
    for (attempt = 0; attempt < 100; attempt++) {
        unsigned char r[6];
        size_t k;
        int fd;
        if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
            /* no entropy yet: pid, time and a counter, O_EXCL settles collisions */
            unsigned long x = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL) ^
                              (unsigned long)atomic_fetch_add(&counter, 1u) * 40503u;
            for (k = 0; k < sizeof r; k++, x >>= 5)
                r[k] = (unsigned char)x;
        }
        memcpy(tmp + plen, ".tmp.", 5);
        for (k = 0; k < 6; k++)
            tmp[plen + 5 + k] = digits[r[k] % (sizeof digits - 1)];
        tmp[plen + 11] = '\0';
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* An output being written (common.h): the temporary file beside the regular
 * file it replaces (or creates), or the device, FIFO or descriptor it is
 * written through to. */
struct gidx_output {
    int fd;              /* -1 once closed */
    char *tmp;           /* the temporary file; NULL when written through */
    char *target;        /* renamed over at commit (a link's resolved target) */
    char *shown;         /* the name the caller gave, for messages */
    int keep;            /* an existing file: its mode is kept */
    mode_t mode;
    int state;           /* 0 open, 1 committed, -1 failed */
};

/* Write through to a character device or a FIFO (opened without blocking
 * so that a FIFO nobody reads is an error, not a hang). */
static gidx_status open_through(gidx_output *o, const char *path)
{
    int fl, err;
    o->fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (o->fd < 0) {
        err = errno;
        return gidx__error_set(GIDX_EIO, "%s: cannot open for writing: %s%s", path, strerror(err),
                               err == ENXIO ? " (a FIFO with no reader)" : "");
    }
    if ((fl = fcntl(o->fd, F_GETFL)) >= 0)
        (void)fcntl(o->fd, F_SETFL, fl & ~O_NONBLOCK);
    return GIDX_OK;
}

/* A temporary file beside the regular file @p path (or the new file) that
 * commit renames over it; @p keep is the existing file's status, or NULL. */
static gidx_status open_temp(gidx_output *o, const char *path, const struct stat *keep)
{
    size_t plen = strlen(path);
    int err;
    if ((o->target = gidx__strdup(path)) == NULL || (o->tmp = gidx__malloc(plen + 16)) == NULL)
        return GIDX_ENOMEM;
    memcpy(o->tmp, path, plen);
    if ((o->fd = create_temp(o->tmp, plen)) < 0) {
        err = errno;
        free(o->tmp);
        o->tmp = NULL;
        return gidx__error_set(GIDX_EIO, "%s: cannot create a temporary file: %s",
                               o->shown, strerror(err));
    }
    if (keep != NULL) {
        o->keep = 1;
        o->mode = keep->st_mode & 07777;
    }
    return GIDX_OK;
}

static gidx_status open_target(gidx_output *o, const char *path)
{
    struct stat lst, st;
    if (lstat(path, &lst) != 0) {
        if (errno != ENOENT)
            return gidx__error_set(GIDX_EIO, "%s: cannot write: %s", path, strerror(errno));
        return open_temp(o, path, NULL);   /* a new file */
    }
    if (S_ISREG(lst.st_mode))
        return open_temp(o, path, &lst);
    if (S_ISLNK(lst.st_mode)) {
        char *target;
        gidx_status rc;
        if (stat(path, &st) != 0)
            return gidx__error_set(GIDX_EIO, "%s: cannot write through the symbolic link: %s",
                                   path, strerror(errno));
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || proc_link(path))
            return open_through(o, path);   /* /dev/stdout, /dev/null, ... */
        if (!S_ISREG(st.st_mode))
            return gidx__error_set(GIDX_EIO, "%s: cannot write: the link points at a %s", path,
                                   S_ISDIR(st.st_mode) ? "directory" : "special file");
        if ((target = realpath(path, NULL)) == NULL)
            return gidx__error_set(GIDX_EIO, "%s: cannot resolve the symbolic link: %s", path,
                                   strerror(errno));
        rc = open_temp(o, target, &st);
        free(target);
        return rc;
    }
    if (S_ISCHR(lst.st_mode) || S_ISFIFO(lst.st_mode))
        return open_through(o, path);
    return gidx__error_set(GIDX_EIO, "%s: cannot write: it is a %s", path,
                           S_ISDIR(lst.st_mode) ? "directory" : "socket or block device");
}

gidx_status gidx_output_open(gidx_output **out, const char *path)
{
    gidx_output *o;
    gidx_status rc;
    if (out == NULL || path == NULL || path[0] == '\0') {
        if (out != NULL)
            *out = NULL;
        return gidx__error_set(GIDX_EINVAL, "gidx_output_open: NULL or empty argument");
    }
    *out = NULL;
    if ((o = gidx__calloc(1, sizeof *o)) == NULL)
        return GIDX_ENOMEM;
    o->fd = -1;
    rc = (o->shown = gidx__strdup(path)) == NULL ? GIDX_ENOMEM : open_target(o, path);
    if (rc != GIDX_OK) {
        gidx_output_free(o);
        return rc;
    }
    *out = o;
    return GIDX_OK;
}

int gidx_output_fd(const gidx_output *o)
{
    return o != NULL && o->state == 0 ? o->fd : -1;
}

/* A failed output: the system error @p err recorded naming it. */
static gidx_status output_failed(gidx_output *o, int err)
{
    o->state = -1;
    return gidx__error_set(GIDX_EIO, "%s: cannot write: %s", o->shown, strerror(err));
}

gidx_status gidx_output_write(gidx_output *o, const char *data, size_t len)
{
    int err = 0;
    if (o == NULL || (data == NULL && len > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_output_write: NULL argument");
    if (o->state != 0)
        return gidx__error_set(GIDX_ESTATE, "%s: the output is %s", o->shown,
                               o->state > 0 ? "already committed" : "failed");
    if (len > 0 && gidx__write_all(o->fd, data, len, &err) != GIDX_OK)
        return output_failed(o, err);
    return GIDX_OK;
}

gidx_status gidx_output_commit(gidx_output *o)
{
    int fd;
    if (o == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_output_commit: NULL argument");
    if (o->state != 0)
        return gidx__error_set(GIDX_ESTATE, "%s: the output is %s", o->shown,
                               o->state > 0 ? "already committed" : "failed");
    fd = o->fd;
    o->fd = -1;
    if (o->tmp == NULL) {   /* written through */
        if (close(fd) != 0 && errno != EINTR)
            return output_failed(o, errno);
        o->state = 1;
        return GIDX_OK;
    }
    /* flushed to disk before the rename, so a crash leaves the old file or
     * the new one; an existing file keeps its permission bits (a 0600 file
     * stays 0600) */
    if ((fsync(fd) != 0 && errno != EINVAL) || (o->keep && fchmod(fd, o->mode) != 0)) {
        int err = errno;
        close(fd);
        return output_failed(o, err);
    }
    if (close(fd) != 0 || rename(o->tmp, o->target) != 0)
        return output_failed(o, errno);
    free(o->tmp);
    o->tmp = NULL;
    o->state = 1;
    return GIDX_OK;
}

void gidx_output_free(gidx_output *o)
{
    if (o == NULL)
        return;
    if (o->fd >= 0)
        close(o->fd);
    if (o->tmp != NULL)   /* not committed: the target is untouched */
        unlink(o->tmp);
    free(o->tmp);
    free(o->target);
    free(o->shown);
    free(o);
}

gidx_status gidx_write_file(const char *path, const char *data, size_t len)
{
    gidx_output *o = NULL;
    gidx_status rc;
    if (path == NULL || (data == NULL && len > 0) || path[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "gidx_write_file: NULL or empty argument");
    if ((rc = gidx_output_open(&o, path)) == GIDX_OK &&
        (rc = gidx_output_write(o, data, len)) == GIDX_OK)
        rc = gidx_output_commit(o);
    gidx_output_free(o);
    return rc;
}

gidx_status gidx__file_check(int fd, const char *path, size_t max_bytes)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return gidx__error_set(GIDX_EIO, "%s: cannot read: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return gidx__error_set(GIDX_EIO, "%s: cannot read: it is a directory", path);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return gidx__error_set(GIDX_EIO, "%s: cannot read: it is a device, not a file", path);
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > (unsigned long long)max_bytes)
        return gidx__error_set(GIDX_ELIMIT, "%s: %lld bytes exceed the limit of %zu bytes (not read)",
                               path, (long long)st.st_size, max_bytes);
    return GIDX_OK;
}

/* A FIFO (or a pipe, /dev/fd/N) before it is read: its first byte, taken
 * here so that an input nobody writes to is refused instead of read as empty
 * and one whose writer sent nothing is named as such. @p fd is open with
 * O_NONBLOCK, cleared here. On Linux a FIFO opened O_RDONLY|O_NONBLOCK with
 * no writer reads as end of file and poll() reports nothing (not POLLHUP)
 * until a writer opens it: POLLIN when it writes, POLLHUP when it closes
 * without writing (measured on 6.18; tests/cli/outstream_fifo.sh). So a
 * writer is waited for at most GIDX__FIFO_WAIT_MS; once one is connected the
 * read waits for it as for any pipe (a slow producer such as <(curl ...) is
 * not cut off). 1 with *byte set, or 0 with the error recorded in *rc. */
static int fifo_first_byte(int fd, const char *path, unsigned char *byte, gidx_status *rc)
{
    ssize_t n;
    int fl, waited = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while ((n = read(fd, byte, 1)) == 0 || (n < 0 && errno == EINTR)) {
        struct pollfd p = {fd, POLLIN, 0};
        long left;
        int r;
        if (n < 0)
            continue;
        if (waited)
            break;   /* a writer came and closed without writing */
        clock_gettime(CLOCK_MONOTONIC, &t1);
        left = GIDX__FIFO_WAIT_MS - ((t1.tv_sec - t0.tv_sec) * 1000L +
                                     (t1.tv_nsec - t0.tv_nsec) / 1000000L);
        if (left <= 0 || (r = poll(&p, 1, (int)left)) == 0) {
            *rc = gidx__error_set(GIDX_EIO, "%s: cannot read: a FIFO with no writer (nothing "
                                  "to read; waited %d s for one)", path,
                                  GIDX__FIFO_WAIT_MS / 1000);
            return 0;
        }
        if (r < 0 && errno != EINTR) {
            n = -1;
            break;
        }
        waited = r > 0;
    }
    if (n < 0 && errno == EAGAIN) {
        /* a writer is connected but has sent nothing yet: wait for it */
        if ((fl = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0)
            n = -1;
        else
            while ((n = read(fd, byte, 1)) < 0 && errno == EINTR)
                ;
    }
    if (n == 1)
        return 1;
    if (n == 0)
        *rc = gidx__error_set(GIDX_EDATA, "%s: cannot read: a FIFO or pipe whose writer closed "
                              "it without writing anything", path);
    else
        *rc = gidx__error_set(GIDX_EIO, "%s: cannot read: %s", path, strerror(errno));
    return 0;
}

FILE *gidx__file_open_read(const char *path, size_t max_bytes, gidx_status *rc)
{
    /* O_NONBLOCK so that opening a FIFO nobody writes to returns at once
     * instead of waiting for a writer; reads block again afterwards. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), fl, first = -1;
    struct stat st;
    FILE *f;
    if (fd < 0) {
        *rc = gidx__error_set(GIDX_EIO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    if ((*rc = gidx__file_check(fd, path, max_bytes)) != GIDX_OK) {
        close(fd);
        return NULL;
    }
    if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) {
        unsigned char c;
        if (!fifo_first_byte(fd, path, &c, rc)) {
            close(fd);
            return NULL;
        }
        first = c;
    }
    if ((fl = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ||
        (f = fdopen(fd, "rb")) == NULL) {
        *rc = gidx__error_set(GIDX_EIO, "%s: cannot read: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    /* the FIFO's first byte back in front of the rest (one byte of pushback
     * is guaranteed by C11 7.21.7.10) */
    if (first >= 0 && ungetc(first, f) == EOF) {
        *rc = gidx__error_set(GIDX_EIO, "%s: cannot read: %s", path, strerror(errno));
        fclose(f);
        return NULL;
    }
    *rc = GIDX_OK;
    return f;
}
