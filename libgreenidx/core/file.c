/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Atomic file output: write to a temporary file beside the target, fsync,
 * rename. A reader sees the old file or the new one, never a partial one.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

gidx_status gidx_write_file(const char *path, const char *data, size_t len)
{
    char *tmp;
    size_t plen, off = 0;
    int fd, err;
    if (path == NULL || (data == NULL && len > 0) || path[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "gidx_write_file: NULL or empty argument");
    plen = strlen(path);
    tmp = gidx__malloc(plen + 16);
    if (tmp == NULL)
        return GIDX_ENOMEM;
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp.XXXXXX", 12);
    fd = mkstemp(tmp);
    if (fd < 0) {
        err = errno;
        free(tmp);
        return gidx__error_set(GIDX_EIO, "%s: cannot create a temporary file: %s",
                               path, strerror(err));
    }
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            goto fail;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 && errno != EINVAL) {
        err = errno;
        goto fail;
    }
    /* mkstemp creates mode 0600; give the file the usual 0644 (reading the
     * umask would mean changing it, which is process-wide and not
     * thread-safe). */
    (void)fchmod(fd, 0644);
    if (close(fd) != 0) {
        err = errno;
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        err = errno;
        goto fail;
    }
    free(tmp);
    return GIDX_OK;
fail:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    return gidx__error_set(GIDX_EIO, "%s: cannot write: %s", path, strerror(err));
}
