/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * Internal layout of the input-output model and the solvers shared by the
 * files of libgreenidx/ripple. Not installed, not exported.
 */
#ifndef GIDX_RIPPLE_INTERNAL_H
#define GIDX_RIPPLE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <greenidx/ripple.h>
#include "../core/internal.h"

/* Quantities held internally: the public five, imports and leakage. */
#define GIDX__IO_NQ GIDX_IO_NQUANTITIES_ALL

/* Largest n for which dense matrices of a sparse model are produced. */
#define GIDX__IO_DENSE_MAX 4096

/* Off-diagonal entries in CSR plus the diagonal kept apart, the form the
 * Gauss-Seidel sweep wants (no branch on i == j in the inner loop). */
typedef struct gidx__io_csr {
    size_t n;
    size_t *rowptr;   /* n + 1 */
    uint32_t *colind; /* rowptr[n]; 32-bit to cut memory traffic per sweep */
    double *val;      /* rowptr[n] */
    double *diag;     /* n: a_ii */
} gidx__io_csr;

struct gidx_io_model {
    size_t n;
    char **names;
    char **labels;             /* sector labels (e.g. SSB's industry names), or NULL */
    gidx__strmap *index;
    double *A;                 /* dense n*n row-major, or NULL for a sparse model */
    gidx__io_csr csr;          /* the sparse model's A (rowptr == NULL when dense) */
    double *x;                 /* total output, or NULL */
    double *sat[GIDX__IO_NQ];  /* satellite coefficients; sat[0] unused; sat[GIDX_IO_LEAKAGE]
                                  a regional model's sum_i (a_nat - a_reg)_ij */
    double *hh;                /* household column as given, or NULL */
    int hh_shares;             /* hh holds shares (1) or consumption totals (0) */
    double hh_leak;            /* regional: sum_i (h_nat - h_reg)_i, households' purchases
                                  from the rest of the country per unit of income */
    double *xw;                /* a regional model's national output, the weights that spread
                                  a group's shock over its sectors; NULL otherwise */
    size_t *grp;               /* SN2007 group (gidx_sn2007_group()) of each sector, or NULL */
    int year;                  /* year of the table, 0 when unknown */
    int emp_year;              /* year of the employment satellite, 0 when unknown */
    char *note;                /* what users must be told about the model, or NULL */
};

/* Append a line to m->note. */
gidx_status gidx__io_note_add(gidx_io_model *m, const char *fmt, ...) GIDX__PRINTF(2, 3);

void gidx__io_csr_free(gidx__io_csr *c);
/* CSR (off-diagonal + diag) of A or of its transpose, from a dense or sparse model. */
gidx_status gidx__io_csr_of(gidx__io_csr *c, const gidx_io_model *m, int transpose);
/* Fill dense A (n*n) of a model. */
void gidx__io_dense_A(double *out, const gidx_io_model *m);

/* The household row (labour-income coefficients) and column (consumption
 * shares) of the closed model; GIDX_ESTATE naming what is missing. */
gidx_status gidx__io_households(double *hr, double *hc, const gidx_io_model *m,
                                const char *what);

/*
 * Solve (I - Abar) y = b for nrhs right-hand sides (each of length N = n or
 * n + 1 for type 2, households last), overwriting b with y. transpose
 * solves with (I - Abar)^T. solver: GIDX_IO_SOLVER_*.
 */
gidx_status gidx__io_solve(double *b, size_t nrhs, const gidx_io_model *m, int type,
                           int transpose, int solver, double tol, size_t max_iter,
                           const char *what);

/* Dense LU solve (model.c), same contract as gidx__io_solve. */
gidx_status gidx__io_dense_solve(double *b, size_t nrhs, const gidx_io_model *m, int type,
                                 int transpose, const char *what);

/* Copy n labels into m->labels (NULL labels: none). */
gidx_status gidx__io_set_labels(gidx_io_model *m, const char *const *labels);

/* Names "S1".."Sn" or copies of the given ones, and the name index. */
gidx_status gidx__io_set_names(gidx_io_model *m, const char *const *names);
gidx_io_model *gidx__io_alloc(size_t n);

/* Map every sector of m to an industry index through the `sector,industry`
 * concordance CSV at path; resolve() turns an industry name into an index
 * (its error gets the file:line prefix). load.c. */
gidx_status gidx__io_concordance_map(size_t *industry_of, const gidx_io_model *m, const char *path,
                                     gidx_status (*resolve)(size_t *g, const char *name, void *ctx),
                                     void *ctx);

/* An SSB input-output table as arrays (norway.c, ssb.c): n industries with
 * their codes, domestic and imported flows (n*n, row = supplier), final
 * uses (n*GIDX__IO_NFD in the order P3_S13, P3_S14, P3_S15, P51, P52, P6),
 * output, value added B1G, compensation of employees D1 and taxes less
 * subsidies on products; source names the origin in messages. */
#define GIDX__IO_NFD 6
#define GIDX__IO_FD_P3_S14 1
typedef struct gidx__io_ssb {
    size_t n;
    const char *const *codes;
    const char *const *labels;  /* n industry names, or NULL */
    double *Z, *Zm, *fd, *x, *b1g, *d1, *tax;
    int year;
    const char *source;
} gidx__io_ssb;

/* Check the balances and build the model with its satellites (norway.c). */
gidx_status gidx__io_build_ssb(gidx_io_model **out, const gidx__io_ssb *t);

/* The 1850 and 1950 workbooks, opened (ssb.c; the fuzz target's entry). */
struct gidx_xlsx;
gidx_status gidx__io_load_ssb_wb(gidx_io_model **out, struct gidx_xlsx *dom, const char *dom_name,
                                 struct gidx_xlsx *imp, const char *imp_name);

/* The SN2007 group of an SSB A64 row code (R01, R10_12, RB, R68A, ...). */
gidx_status gidx__io_ssb_group(size_t *g, const char *code);

#endif
