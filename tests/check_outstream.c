/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Streamed output and FIFO input (issue 19, branch outstream).
 *  - gidx_output_*: the bytes go into the atomic temporary file as they are
 *    written; commit renames it (mode kept), free without commit leaves the
 *    target untouched and no temporary file; devices are written through.
 *  - gidx_dataset_write_csv_fd / gidx_dataset_write_csv give exactly the
 *    bytes of gidx_dataset_to_csv (one formatter), also for names longer
 *    than the 64 KiB window, quoted ones and formula-like ones.
 *  - A FIFO as input: no writer is GIDX_EIO after the bounded wait
 *    (GIDX__FIFO_WAIT_MS, 5 s), a writer that closes without writing is
 *    GIDX_EDATA at once, a late writer's CSV loads. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <greenidx/greenidx.h>

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/gidx-outstream-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* entries in dir besides . and .. */
static int count_entries(void)
{
    char cmd[128];
    FILE *p;
    int n = -1;
    snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
    p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* the whole content of a file (NUL-terminated), its length in *len */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

START_TEST(test_output_commit_and_abandon)
{
    char p[128], q[128];
    gidx_output *o = NULL;
    struct stat st;
    size_t len;
    char *text;
    make_dir();
    snprintf(p, sizeof p, "%s/a.txt", dir);
    ck_assert_int_eq(gidx_write_file(p, "old\n", 4), GIDX_OK);
    ck_assert_int_eq(chmod(p, 0640), 0);
    /* written in pieces: the old file stays until the commit */
    ck_assert_int_eq(gidx_output_open(&o, p), GIDX_OK);
    ck_assert_int_ge(gidx_output_fd(o), 0);
    ck_assert_int_eq(gidx_output_write(o, "new ", 4), GIDX_OK);
    ck_assert_int_eq(write(gidx_output_fd(o), "text", 4), 4);
    ck_assert_int_eq(gidx_output_write(o, "\n", 1), GIDX_OK);
    text = slurp(p, &len);
    ck_assert_str_eq(text, "old\n");
    free(text);
    ck_assert_int_eq(count_entries(), 2);   /* a.txt and its temporary file */
    ck_assert_int_eq(gidx_output_commit(o), GIDX_OK);
    ck_assert_int_eq(gidx_output_fd(o), -1);
    ck_assert_int_eq(gidx_output_write(o, "x", 1), GIDX_ESTATE);
    ck_assert_int_eq(gidx_output_commit(o), GIDX_ESTATE);
    gidx_output_free(o);
    text = slurp(p, &len);
    ck_assert_str_eq(text, "new text\n");
    free(text);
    ck_assert_int_eq(stat(p, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);   /* the mode is kept */
    ck_assert_int_eq(count_entries(), 1);
    /* freed without a commit: untouched, no temporary file left */
    ck_assert_int_eq(gidx_output_open(&o, p), GIDX_OK);
    ck_assert_int_eq(gidx_output_write(o, "lost", 4), GIDX_OK);
    gidx_output_free(o);
    text = slurp(p, &len);
    ck_assert_str_eq(text, "new text\n");
    free(text);
    ck_assert_int_eq(count_entries(), 1);
    /* a new file is not made until the commit */
    snprintf(q, sizeof q, "%s/new.txt", dir);
    ck_assert_int_eq(gidx_output_open(&o, q), GIDX_OK);
    ck_assert_int_eq(access(q, F_OK), -1);
    gidx_output_free(o);
    ck_assert_int_eq(access(q, F_OK), -1);
    ck_assert_int_eq(count_entries(), 1);
    /* refused targets, named */
    ck_assert_int_eq(gidx_output_open(&o, dir), GIDX_EIO);
    ck_assert_ptr_null(o);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "it is a directory"));
    ck_assert_int_eq(gidx_output_open(&o, ""), GIDX_EINVAL);
    ck_assert_int_eq(gidx_output_open(NULL, p), GIDX_EINVAL);
    /* a device is written through */
    ck_assert_int_eq(gidx_output_open(&o, "/dev/null"), GIDX_OK);
    ck_assert_int_eq(gidx_output_write(o, "abc", 3), GIDX_OK);
    ck_assert_int_eq(gidx_output_commit(o), GIDX_OK);
    gidx_output_free(o);
    ck_assert_int_eq(stat("/dev/null", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
    gidx_output_free(NULL);
    remove_dir();
}
END_TEST

/* A dataset whose names exercise every path of the formatter: a region name
 * of 200,000 bytes (over the 64 KiB window, unquoted), a variable of 150,000
 * bytes holding quotes and commas (quoted, the quotes doubled), a
 * formula-like one, a name with a line end, and 3,000 ordinary cells. */
static gidx_dataset *awkward_dataset(void)
{
    gidx_dataset *ds = NULL;
    char *longr = malloc(200001), *longv = malloc(150001);
    int i;
    ck_assert_ptr_nonnull(longr);
    ck_assert_ptr_nonnull(longv);
    memset(longr, 'r', 200000);
    longr[200000] = '\0';
    for (i = 0; i < 150000; i++)
        longv[i] = "ab,\"c"[i % 5];
    longv[150000] = '\0';
    ck_assert_int_eq(gidx_dataset_new(&ds), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, longr, 2020, "pop", 1.5, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "0301", 2020, longv, -2.25, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "0301", 2021, "=HYPERLINK(\"x\")", 3, GIDX_FLAG_OK), GIDX_OK);
    ck_assert_int_eq(gidx_dataset_set(ds, "two\nlines", 2019, "pop", 4, GIDX_FLAG_OK), GIDX_OK);
    for (i = 0; i < 3000; i++) {
        char r[16];
        snprintf(r, sizeof r, "%04d", 1000 + i / 30);
        ck_assert_int_eq(gidx_dataset_set(ds, r, 1990 + i % 30, "emissions", i * 0.1, GIDX_FLAG_OK), GIDX_OK);
    }
    free(longr);
    free(longv);
    return ds;
}

START_TEST(test_csv_writers_identical)
{
    gidx_dataset *ds = awkward_dataset();
    char *text = NULL, *got;
    size_t len = 0, n;
    char p[128];
    int fd;
    gidx_dataset *back = NULL;
    make_dir();
    ck_assert_int_eq(gidx_dataset_to_csv(&text, &len, ds), GIDX_OK);
    ck_assert_uint_gt(len, 350000);
    /* the formula-like name is neutralised, the quotes doubled */
    ck_assert_ptr_nonnull(strstr(text, "0301,2021,\"'=HYPERLINK(\"\"x\"\")\",3,\n"));
    ck_assert_ptr_nonnull(strstr(text, ",2020,\"ab,\"\"cab,\"\"c"));
    /* through a path (the atomic temporary file) */
    snprintf(p, sizeof p, "%s/w.csv", dir);
    ck_assert_int_eq(gidx_dataset_write_csv(ds, p), GIDX_OK);
    got = slurp(p, &n);
    ck_assert_uint_eq(n, len);
    ck_assert(memcmp(got, text, len) == 0);
    free(got);
    /* through a descriptor */
    snprintf(p, sizeof p, "%s/fd.csv", dir);
    fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(gidx_dataset_write_csv_fd(ds, fd), GIDX_OK);
    close(fd);
    got = slurp(p, &n);
    ck_assert_uint_eq(n, len);
    ck_assert(memcmp(got, text, len) == 0);
    free(got);
    /* it reads back: the same cells */
    ck_assert_int_eq(gidx_dataset_load_csv(&back, p, NULL), GIDX_OK);
    ck_assert_uint_eq(gidx_dataset_ncells(back), gidx_dataset_ncells(ds));
    gidx_dataset_free(back);
    /* failures: a closed descriptor, a full device, a bad argument */
    ck_assert_int_eq(gidx_dataset_write_csv_fd(ds, fd), GIDX_EIO);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "cannot write"));
    if (access("/dev/full", W_OK) == 0) {
        fd = open("/dev/full", O_WRONLY);
        ck_assert_int_eq(gidx_dataset_write_csv_fd(ds, fd), GIDX_EIO);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "No space left"));
        close(fd);
        ck_assert_int_eq(gidx_dataset_write_csv(ds, "/dev/full"), GIDX_EIO);
        ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "/dev/full: cannot write"));
    }
    ck_assert_int_eq(gidx_dataset_write_csv_fd(ds, -1), GIDX_EINVAL);
    ck_assert_int_eq(gidx_dataset_write_csv_fd(NULL, 1), GIDX_EINVAL);
    gidx_free(text);
    gidx_dataset_free(ds);
    remove_dir();
}
END_TEST

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A child that sleeps @p ms, opens the FIFO for writing and writes @p text
 * (NULL: closes it at once). Returns its pid. */
static pid_t late_writer(const char *fifo, int ms, const char *text)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct timespec d = {ms / 1000, (long)(ms % 1000) * 1000000L};
        int fd;
        nanosleep(&d, NULL);
        alarm(20);   /* never outlive the test */
        fd = open(fifo, O_WRONLY);
        if (fd < 0)
            _exit(1);
        if (text != NULL && write(fd, text, strlen(text)) != (ssize_t)strlen(text))
            _exit(1);
        close(fd);
        _exit(0);
    }
    return pid;
}

START_TEST(test_fifo_input)
{
    char p[128];
    gidx_dataset *ds = NULL;
    struct timespec t0;
    double s;
    int status;
    pid_t pid;
    make_dir();
    snprintf(p, sizeof p, "%s/in", dir);
    ck_assert_int_eq(mkfifo(p, 0600), 0);
    /* no writer: refused after the bounded wait */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, p, NULL), GIDX_EIO);
    s = seconds_since(&t0);
    ck_assert_ptr_null(ds);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "in: cannot read: a FIFO with no "
                                 "writer (nothing to read; waited 5 s for one)"));
    ck_assert(s >= 4.5 && s < 15.0);
    /* a writer that comes after 300 ms with a CSV */
    pid = late_writer(p, 300, "region,year,variable,value\n3807,2020,pop,5\n3807,2021,pop,6\n");
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, p, NULL), GIDX_OK);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_uint_eq(gidx_dataset_ncells(ds), 2);
    {
        double x;
        int flag;
        ck_assert_int_eq(gidx_dataset_get(&x, &flag, ds, "3807", 2021, "pop"), GIDX_OK);
        ck_assert_double_eq(x, 6.0);
    }
    gidx_dataset_free(ds);
    ds = NULL;
    /* a writer that closes without writing: named, without waiting further */
    pid = late_writer(p, 300, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(gidx_dataset_load_csv(&ds, p, NULL), GIDX_EDATA);
    s = seconds_since(&t0);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "a FIFO or pipe whose writer "
                                 "closed it without writing anything"));
    ck_assert(s < 4.0);
    /* a workbook from a FIFO: refused at once */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(gidx_dataset_load_mdir(&ds, p, NULL, NULL), GIDX_EIO);
    ck_assert(seconds_since(&t0) < 2.0);
    ck_assert_ptr_nonnull(strstr(gidx_error_last()->message, "not a FIFO or pipe"));
    remove_dir();
}
END_TEST

static Suite *outstream_suite(void)
{
    Suite *s = suite_create("outstream");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_output_commit_and_abandon);
    tcase_add_test(tc, test_csv_writers_identical);
    tcase_add_test(tc, test_fifo_input);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(outstream_suite());
    int nf;
    srunner_run_all(sr, CK_NORMAL);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
