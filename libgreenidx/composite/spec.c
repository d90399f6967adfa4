/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The index specification: a hierarchy of indicators and aggregates with
 * weights and directions (OECD/JRC Handbook on Constructing Composite
 * Indicators, 2008, sec. 1.1 "theoretical framework"), and the loader of
 * COINr's iData/iMeta layout (Becker et al., COINr 1.1, `new_coin()`).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <greenidx/table.h>

#include "composite/composite_internal.h"

gidx_status gidx_index_spec_new(gidx_index_spec **out)
{
    gidx_index_spec *s;
    gidx_index_options def = GIDX_INDEX_OPTIONS_INIT;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_new: out is NULL");
    *out = NULL;
    s = gidx__calloc(1, sizeof *s);
    if (s == NULL)
        return GIDX_ENOMEM;
    s->map = gidx__strmap_new();
    if (s->map == NULL) {
        free(s);
        return GIDX_ENOMEM;
    }
    s->opt = def;
    *out = s;
    return GIDX_OK;
}

void gidx_index_spec_free(gidx_index_spec *s)
{
    size_t i;
    if (s == NULL)
        return;
    for (i = 0; i < s->n; i++) {
        free(s->nodes[i].code);
        free(s->nodes[i].parent);
        free(s->nodes[i].denominator);
    }
    for (i = 0; i < s->ngroups; i++) {
        free(s->groups[i].name);
        gidx__strmap_free(s->groups[i].unit_label);
    }
    free(s->groups);
    free(s->nodes);
    free(s->impute_group);
    gidx__strmap_free(s->map);
    free(s);
}

static gidx_status add_node(gidx_index_spec *s, const char *code, const char *parent,
                            double weight, int direction, int is_ind)
{
    gidx__cnode *nd;
    size_t dummy;
    if (s == NULL || code == NULL || code[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "index spec: NULL spec or empty node code");
    if (is_ind && (parent == NULL || parent[0] == '\0'))
        return gidx__error_set(GIDX_EINVAL, "index spec: indicator %s has no parent", code);
    if (!gidx__isfinite(weight) || weight < 0.0)
        return gidx__error_set(GIDX_EINVAL, "index spec: node %s has weight %g (must be finite and >= 0)",
                               code, weight);
    if (is_ind && direction != 1 && direction != -1)
        return gidx__error_set(GIDX_EINVAL, "index spec: indicator %s has direction %d (must be 1 or -1)",
                               code, direction);
    if (gidx__strmap_get(s->map, code, &dummy))
        return gidx__error_set(GIDX_EDUPLICATE, "index spec: node %s is already defined", code);
    if (s->n == s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 16;
        gidx__cnode *nn = gidx__reallocarray(s->nodes, nc, sizeof *nn);
        if (nn == NULL)
            return GIDX_ENOMEM;
        s->nodes = nn;
        s->cap = nc;
    }
    nd = &s->nodes[s->n];
    memset(nd, 0, sizeof *nd);
    nd->code = gidx__strdup(code);
    nd->parent = gidx__strdup(parent ? parent : "");
    if (nd->code == NULL || nd->parent == NULL || gidx__strmap_put(s->map, code, s->n) != GIDX_OK) {
        free(nd->code);
        free(nd->parent);
        return GIDX_ENOMEM;
    }
    nd->weight = weight;
    nd->direction = is_ind ? direction : 0;
    nd->is_indicator = is_ind;
    s->n++;
    return GIDX_OK;
}

gidx_status gidx_index_spec_add_indicator(gidx_index_spec *s, const char *code, const char *parent,
                                          double weight, int direction)
{
    return add_node(s, code, parent, weight, direction, 1);
}

gidx_status gidx_index_spec_add_aggregate(gidx_index_spec *s, const char *code, const char *parent,
                                          double weight)
{
    return add_node(s, code, parent, weight, 0, 0);
}

gidx_status gidx_index_spec_add_indicators(gidx_index_spec *s, const char *const *codes,
                                           const char *const *parents, const double *weights,
                                           const int *directions, size_t n)
{
    size_t i;
    if (s == NULL || ((codes == NULL || parents == NULL) && n > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_add_indicators: NULL argument");
    for (i = 0; i < n; i++) {
        gidx_status rc = add_node(s, codes[i], parents[i], weights ? weights[i] : 1.0,
                                  directions ? directions[i] : 1, 1);
        if (rc != GIDX_OK)
            return gidx__error_prefix("entry %zu: ", i);
    }
    return GIDX_OK;
}

static gidx__cnode *find_ind(gidx_index_spec *s, const char *code)
{
    size_t i;
    if (s == NULL || code == NULL || !gidx__strmap_get(s->map, code, &i) || !s->nodes[i].is_indicator) {
        gidx__error_set(GIDX_ENOTFOUND, "index spec: no indicator %s", code ? code : "(null)");
        return NULL;
    }
    return &s->nodes[i];
}

gidx_status gidx_index_spec_set_goalposts(gidx_index_spec *s, const char *code, double lower,
                                          double target)
{
    gidx__cnode *nd = find_ind(s, code);
    if (nd == NULL)
        return GIDX_ENOTFOUND;
    if (!gidx__isfinite(lower) || !gidx__isfinite(target) || lower == target)
        return gidx__error_set(GIDX_EINVAL, "index spec: goalposts of %s must be finite and differ", code);
    nd->has_lower = nd->has_target = 1;
    nd->lower = lower;
    nd->target = target;
    return GIDX_OK;
}

gidx_status gidx_index_spec_set_target(gidx_index_spec *s, const char *code, double target)
{
    gidx__cnode *nd = find_ind(s, code);
    if (nd == NULL)
        return GIDX_ENOTFOUND;
    if (!gidx__isfinite(target))
        return gidx__error_set(GIDX_EINVAL, "index spec: target of %s is not finite", code);
    nd->has_target = 1;
    nd->target = target;
    return GIDX_OK;
}

gidx_status gidx_index_spec_set_denominator(gidx_index_spec *s, const char *code, const char *variable)
{
    gidx__cnode *nd = find_ind(s, code);
    char *v;
    if (nd == NULL)
        return GIDX_ENOTFOUND;
    if (variable == NULL || variable[0] == '\0')
        return gidx__error_set(GIDX_EINVAL, "index spec: empty denominator for %s", code);
    v = gidx__strdup(variable);
    if (v == NULL)
        return GIDX_ENOMEM;
    free(nd->denominator);
    nd->denominator = v;
    return GIDX_OK;
}

gidx_status gidx_index_spec_set_group(gidx_index_spec *s, const char *name, const char *const *units,
                                      const char *const *labels, size_t n)
{
    gidx__cgroup g;
    gidx__strmap *labmap;
    size_t i, v, j;
    if (s == NULL || name == NULL || name[0] == '\0' || ((units == NULL || labels == NULL) && n > 0))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_set_group: NULL argument or empty name");
    memset(&g, 0, sizeof g);
    g.name = gidx__strdup(name);
    g.unit_label = gidx__strmap_new();
    labmap = gidx__strmap_new();
    if (!g.name || !g.unit_label || !labmap)
        goto nomem;
    for (i = 0; i < n; i++) {
        if (units[i] == NULL || units[i][0] == '\0')
            continue;
        if (labels[i] == NULL || labels[i][0] == '\0')
            continue;
        if (gidx__strmap_get(g.unit_label, units[i], &v)) {
            size_t lv;
            /* a panel lists a unit once per year: the same label again is fine */
            if (gidx__strmap_get(labmap, labels[i], &lv) && lv == v)
                continue;
            gidx__error_set(GIDX_EDUPLICATE, "group %s: unit %s has two different labels (entry %zu: %s)",
                            name, units[i], i, labels[i]);
            gidx__strmap_free(labmap);
            free(g.name);
            gidx__strmap_free(g.unit_label);
            return GIDX_EDUPLICATE;
        }
        if (!gidx__strmap_get(labmap, labels[i], &v)) {
            v = g.nlabels++;
            if (gidx__strmap_put(labmap, labels[i], v) != GIDX_OK)
                goto nomem;
        }
        if (gidx__strmap_put(g.unit_label, units[i], v) != GIDX_OK)
            goto nomem;
    }
    gidx__strmap_free(labmap);
    labmap = NULL;
    for (j = 0; j < s->ngroups; j++)
        if (strcmp(s->groups[j].name, name) == 0) {
            free(s->groups[j].name);
            gidx__strmap_free(s->groups[j].unit_label);
            s->groups[j] = g;
            return GIDX_OK;
        }
    {
        gidx__cgroup *ng = gidx__reallocarray(s->groups, s->ngroups + 1, sizeof *ng);
        if (ng == NULL)
            goto nomem;
        s->groups = ng;
        s->groups[s->ngroups++] = g;
    }
    return GIDX_OK;
nomem:
    gidx__strmap_free(labmap);
    free(g.name);
    gidx__strmap_free(g.unit_label);
    return gidx__error_set(GIDX_ENOMEM, "gidx_index_spec_set_group: out of memory");
}

gidx_status gidx_index_spec_set_options(gidx_index_spec *s, const gidx_index_options *o)
{
    char *g = NULL;
    if (s == NULL || o == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_set_options: NULL argument");
    if (o->version != 1)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: version %u, expected 1", o->version);
    if (o->impute < GIDX_IMPUTE_NONE || o->impute > GIDX_IMPUTE_LINEAR)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: unknown imputation %d", o->impute);
    if (o->impute == GIDX_IMPUTE_GROUP_MEAN && (o->impute_group == NULL || o->impute_group[0] == '\0'))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: group-mean imputation needs impute_group");
    if (o->treat != GIDX_TREAT_NONE && o->treat != GIDX_TREAT_WINSORISE_LOG)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: unknown treatment %d", o->treat);
    if (o->normalise < GIDX_NORM_MINMAX || o->normalise > GIDX_NORM_GOALPOSTS)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: unknown normalisation %d", o->normalise);
    if (o->weights < GIDX_WEIGHTS_USER || o->weights > GIDX_WEIGHTS_BOD)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: unknown weighting %d", o->weights);
    if (o->aggregate < GIDX_AGG_AMEAN || o->aggregate > GIDX_AGG_COPELAND)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: unknown aggregation %d", o->aggregate);
    if (!(o->screen_min_avail >= 0.0 && o->screen_min_avail <= 1.0) ||
        !(o->min_avail >= 0.0 && o->min_avail <= 1.0))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: availability thresholds must be in [0, 1]");
    if (!gidx__isfinite(o->norm_lo) || !gidx__isfinite(o->norm_hi) || !(o->norm_hi > o->norm_lo))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: min-max range [%g, %g] is empty",
                               o->norm_lo, o->norm_hi);
    if (!(o->skew_thresh > 0.0) || !gidx__isfinite(o->kurt_thresh))
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: bad skew/kurtosis thresholds");
    if (!(o->bod_min_share >= 0.0) || !(o->bod_max_share <= 1.0) || o->bod_min_share > o->bod_max_share)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_options: bad benefit-of-the-doubt share bounds");
    if (o->impute_group) {
        g = gidx__strdup(o->impute_group);
        if (g == NULL)
            return GIDX_ENOMEM;
    }
    free(s->impute_group);
    s->impute_group = g;
    s->opt = *o;
    s->opt.impute_group = g;
    return GIDX_OK;
}

const gidx_index_options *gidx_index_spec_options(const gidx_index_spec *s)
{
    return s ? &s->opt : NULL;
}

size_t gidx_index_spec_nnodes(const gidx_index_spec *s)
{
    return s ? s->n : 0;
}

gidx_status gidx_index_spec_node(const char **code, const char **parent, double *weight,
                                 int *direction, const gidx_index_spec *s, size_t i)
{
    if (s == NULL || i >= s->n)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_spec_node: node %zu out of range", i);
    if (code) *code = s->nodes[i].code;
    if (parent) *parent = s->nodes[i].parent;
    if (weight) *weight = s->nodes[i].weight;
    if (direction) *direction = s->nodes[i].direction;
    return GIDX_OK;
}

void gidx__composite_topo_free(gidx__topo *t)
{
    free(t->ind_node);
    free(t->agg_node);
    free(t->parent);
    free(t->order);
    free(t->kid_start);
    free(t->kids);
    free(t->weight);
    free(t->dir);
    memset(t, 0, sizeof *t);
}

int gidx__composite_cycle(gidx__buf *b, const gidx_index_spec *s, const size_t *lines)
{
    /* mark[i] = 1 + the node whose walk first reached i; every node is
     * visited once over all walks */
    size_t i, v, p, *mark;
    int found = 0;
    if (s == NULL || s->n == 0)
        return 0;
    if ((mark = gidx__calloc(s->n, sizeof *mark)) == NULL)
        return -1;
    for (i = 0; i < s->n && !found; i++) {
        v = i;
        while (mark[v] == 0) {
            mark[v] = i + 1;
            if (s->nodes[v].parent[0] == '\0' || !gidx__strmap_get(s->map, s->nodes[v].parent, &p))
                break;
            v = p;
        }
        if (mark[v] == i + 1 && s->nodes[v].parent[0] != '\0' &&
            gidx__strmap_get(s->map, s->nodes[v].parent, &p) && mark[p] == i + 1) {
            /* v is on the walk and its parent too: v lies on a cycle */
            size_t start = v;
            found = 1;
            do {
                gidx__buf_printf(b, "%s", s->nodes[v].code);
                if (lines != NULL)
                    gidx__buf_printf(b, " (line %zu)", lines[v]);
                gidx__buf_puts(b, " -> ");
                gidx__strmap_get(s->map, s->nodes[v].parent, &v);
            } while (v != start);
            gidx__buf_puts(b, s->nodes[start].code);
        }
    }
    free(mark);
    if (b->failed)
        return -1;
    return found;
}

/* The error for a cycle of parent links found above node @p code. */
static gidx_status cycle_error(const gidx_index_spec *s, const char *code)
{
    gidx__buf cyc = GIDX__BUF_INIT;
    gidx_status rc;
    if (gidx__composite_cycle(&cyc, s, NULL) > 0)
        rc = gidx__error_set(GIDX_EINVAL, "index spec: the hierarchy above %s has a cycle, %s "
                             "(child -> parent)", code, cyc.s);
    else
        rc = gidx__error_set(GIDX_EINVAL, "index spec: the hierarchy above %s has a cycle", code);
    gidx__buf_free(&cyc);
    return rc;
}

gidx_status gidx__composite_topo(gidx__topo *t, const gidx_index_spec *s)
{
    size_t i, j, nn, root = GIDX__NONE, *nid = NULL, *cnt = NULL, *depth = NULL;
    gidx_status rc = GIDX_OK;
    memset(t, 0, sizeof *t);
    if (s == NULL || s->n == 0)
        return gidx__error_set(GIDX_EINVAL, "index spec is empty");
    for (i = 0; i < s->n; i++) {
        if (s->nodes[i].is_indicator)
            t->nind++;
        else
            t->nagg++;
        if (!s->nodes[i].is_indicator && s->nodes[i].parent[0] == '\0') {
            if (root != GIDX__NONE)
                return gidx__error_set(GIDX_EINVAL, "index spec: two roots, %s and %s",
                                       s->nodes[root].code, s->nodes[i].code);
            root = i;
        }
    }
    if (t->nind == 0)
        return gidx__error_set(GIDX_EINVAL, "index spec has no indicators");
    if (root == GIDX__NONE) {
        /* every aggregate has a parent: following them either leaves the
         * spec (named by the parent check below) or goes round a cycle */
        gidx__buf cyc = GIDX__BUF_INIT;
        int c = gidx__composite_cycle(&cyc, s, NULL);
        if (c < 0)
            return gidx__error_set(GIDX_ENOMEM, "index spec: out of memory");
        if (c > 0) {
            rc = gidx__error_set(GIDX_EINVAL, "index spec has no root aggregate: the parents "
                                 "form a cycle, %s (child -> parent)", cyc.s);
            gidx__buf_free(&cyc);
            return rc;
        }
        if (s->n > 0) {
            size_t p;
            for (i = 0; i < s->n; i++)
                if (s->nodes[i].parent[0] != '\0' && !gidx__strmap_get(s->map, s->nodes[i].parent, &p))
                    return gidx__error_set(GIDX_EINVAL, "index spec: parent %s of %s is not "
                                           "defined (and no aggregate is without parent)",
                                           s->nodes[i].parent, s->nodes[i].code);
        }
        return gidx__error_set(GIDX_EINVAL, "index spec has no root aggregate (an aggregate without parent)");
    }
    nn = t->nind + t->nagg;
    t->ind_node = gidx__malloc(t->nind * sizeof *t->ind_node);
    t->agg_node = gidx__malloc(t->nagg * sizeof *t->agg_node);
    t->parent = gidx__malloc(nn * sizeof *t->parent);
    t->order = gidx__malloc(t->nagg * sizeof *t->order);
    t->kid_start = gidx__calloc(t->nagg + 1, sizeof *t->kid_start);
    t->kids = gidx__malloc(nn * sizeof *t->kids);
    t->weight = gidx__malloc(nn * sizeof *t->weight);
    t->dir = gidx__malloc(t->nind * sizeof *t->dir);
    nid = gidx__malloc(s->n * sizeof *nid);
    cnt = gidx__calloc(t->nagg + 1, sizeof *cnt);
    depth = gidx__calloc(nn, sizeof *depth);
    if (!t->ind_node || !t->agg_node || !t->parent || !t->order || !t->kid_start || !t->kids ||
        !t->weight || !t->dir || !nid || !cnt || !depth) {
        rc = GIDX_ENOMEM;
        goto fail;
    }
    {
        size_t ki = 0, ka = 1;
        t->agg_node[0] = root;
        nid[root] = t->nind;
        for (i = 0; i < s->n; i++) {
            if (s->nodes[i].is_indicator) {
                t->dir[ki] = s->nodes[i].direction;
                t->ind_node[ki] = i;
                nid[i] = ki++;
            } else if (i != root) {
                t->agg_node[ka] = i;
                nid[i] = t->nind + ka++;
            }
        }
    }
    for (i = 0; i < s->n; i++) {
        size_t v = nid[i], p;
        t->weight[v] = s->nodes[i].weight;
        if (i == root) {
            t->parent[v] = GIDX__NONE;
            continue;
        }
        if (!gidx__strmap_get(s->map, s->nodes[i].parent, &p)) {
            rc = gidx__error_set(GIDX_EINVAL, "index spec: parent %s of %s is not defined",
                                 s->nodes[i].parent, s->nodes[i].code);
            goto fail;
        }
        if (s->nodes[p].is_indicator) {
            rc = gidx__error_set(GIDX_EINVAL, "index spec: parent %s of %s is an indicator",
                                 s->nodes[i].parent, s->nodes[i].code);
            goto fail;
        }
        t->parent[v] = nid[p] - t->nind;
        cnt[t->parent[v]]++;
    }
    for (j = 0; j < t->nagg; j++) {
        if (cnt[j] == 0) {
            rc = gidx__error_set(GIDX_EINVAL, "index spec: aggregate %s has no children",
                                 s->nodes[t->agg_node[j]].code);
            goto fail;
        }
        t->kid_start[j + 1] = t->kid_start[j] + cnt[j];
        cnt[j] = 0;
    }
    for (i = 0; i < nn; i++)
        if (t->parent[i] != GIDX__NONE) {
            size_t p = t->parent[i];
            t->kids[t->kid_start[p] + cnt[p]++] = i;
        }
    /* depth of every aggregate below the root; a cycle never reaches the root */
    for (j = 0; j < t->nagg; j++) {
        size_t v = t->nind + j, d = 0;
        while (t->parent[v] != GIDX__NONE) {
            v = t->nind + t->parent[v];
            if (++d > nn) {
                rc = cycle_error(s, s->nodes[t->agg_node[j]].code);
                goto fail;
            }
        }
        depth[j] = d;
        t->order[j] = j;
    }
    /* bottom-up: deepest aggregates first (stable) */
    for (i = 1; i < t->nagg; i++) {
        size_t v = t->order[i];
        j = i;
        while (j > 0 && depth[t->order[j - 1]] < depth[v]) {
            t->order[j] = t->order[j - 1];
            j--;
        }
        t->order[j] = v;
    }
    for (i = 0; i < t->nind; i++) {
        size_t v = i, d = 0;
        while (t->parent[v] != GIDX__NONE) {
            v = t->nind + t->parent[v];
            if (++d > nn) {
                rc = cycle_error(s, s->nodes[t->ind_node[i]].code);
                goto fail;
            }
        }
    }
    free(nid);
    free(cnt);
    free(depth);
    return GIDX_OK;
fail:
    free(nid);
    free(cnt);
    free(depth);
    gidx__composite_topo_free(t);
    return rc;
}

/* ---- COINr iData / iMeta loader ---- */

static int is_na(const char *s)
{
    return s == NULL || s[0] == '\0' || strcmp(s, "NA") == 0;
}

gidx_status gidx_index_load_coinr(gidx_dataset **data, gidx_index_spec **spec,
                                  const char *idata_path, const char *imeta_path)
{
    gidx_table *td = NULL, *tm = NULL;
    gidx_dataset *ds = NULL;
    gidx_index_spec *sp = NULL;
    gidx_status rc;
    size_t jc, jd, jw, jt, jden, jp, jty, i, nr, ju, jn = GIDX__NONE, jtime = GIDX__NONE, j;
    const char **ucodes = NULL;
    size_t *nline = NULL;   /* iMeta line of every spec node, for the cycle message */

    if (data == NULL || spec == NULL || idata_path == NULL || imeta_path == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_index_load_coinr: NULL argument");
    *data = NULL;
    *spec = NULL;
    if ((rc = gidx_table_read_csv(&tm, imeta_path, NULL)) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_read_csv(&td, idata_path, NULL)) != GIDX_OK)
        goto done;
    if ((rc = gidx_table_find_column(&jc, tm, "iCode")) != GIDX_OK ||
        (rc = gidx_table_find_column(&jd, tm, "Direction")) != GIDX_OK ||
        (rc = gidx_table_find_column(&jw, tm, "Weight")) != GIDX_OK ||
        (rc = gidx_table_find_column(&jp, tm, "Parent")) != GIDX_OK ||
        (rc = gidx_table_find_column(&jty, tm, "Type")) != GIDX_OK ||
        (rc = gidx_table_find_column(&ju, td, "uCode")) != GIDX_OK)
        goto done;
    if (gidx_table_find_column(&jt, tm, "Target") != GIDX_OK)
        jt = GIDX__NONE;
    if (gidx_table_find_column(&jden, tm, "Denominator") != GIDX_OK)
        jden = GIDX__NONE;
    if (gidx_table_find_column(&j, td, "uName") == GIDX_OK)
        jn = j;
    if (gidx_table_find_column(&j, td, "Time") == GIDX_OK)
        jtime = j;
    gidx_error_clear();
    if ((rc = gidx_index_spec_new(&sp)) != GIDX_OK || (rc = gidx_dataset_new(&ds)) != GIDX_OK)
        goto done;
    nr = gidx_table_nrows(td);
    ucodes = gidx__calloc(nr ? nr : 1, sizeof *ucodes);
    nline = gidx__calloc(gidx_table_nrows(tm) + 1, sizeof *nline);
    if (ucodes == NULL || nline == NULL) {
        rc = GIDX_ENOMEM;
        goto done;
    }
    for (i = 0; i < nr; i++) {
        ucodes[i] = gidx_table_cell(td, i, ju);
        if (ucodes[i][0] == '\0') {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: empty uCode", gidx_table_name(td),
                                 gidx_table_line(td, i));
            goto done;
        }
        if (jn != GIDX__NONE && (rc = gidx_dataset_set_region_name(ds, ucodes[i],
                                                                  gidx_table_cell(td, i, jn))) != GIDX_OK)
            goto done;
    }
    for (i = 0; i < gidx_table_nrows(tm); i++) {
        const char *code = gidx_table_cell(tm, i, jc), *type = gidx_table_cell(tm, i, jty);
        const char *par = gidx_table_cell(tm, i, jp);
        size_t line = gidx_table_line(tm, i);
        double w = 1.0, d = 1.0;
        int numeric = 0;
        if (strcmp(type, "Indicator") == 0 || strcmp(type, "Aggregate") == 0) {
            if ((rc = gidx_table_cell_double(&w, tm, i, jw)) != GIDX_OK)
                goto done;
            if (isnan(w))
                w = 1.0;
        }
        if (strcmp(type, "Indicator") == 0) {
            if ((rc = gidx_table_cell_double(&d, tm, i, jd)) != GIDX_OK)
                goto done;
            if (d != 1.0 && d != -1.0) {
                rc = gidx__error_set(GIDX_EDATA, "%s:%zu: indicator %s has direction %s (1 or -1)",
                                     gidx_table_name(tm), line, code, gidx_table_cell(tm, i, jd));
                goto done;
            }
            if ((rc = gidx_index_spec_add_indicator(sp, code, is_na(par) ? "" : par, w, (int)d)) != GIDX_OK) {
                gidx__error_prefix("%s:%zu: ", gidx_table_name(tm), line);
                goto done;
            }
            nline[gidx_index_spec_nnodes(sp) - 1] = line;
            if (jt != GIDX__NONE && !is_na(gidx_table_cell(tm, i, jt))) {
                double tg;
                if ((rc = gidx_table_cell_double(&tg, tm, i, jt)) != GIDX_OK ||
                    (rc = gidx_index_spec_set_target(sp, code, tg)) != GIDX_OK)
                    goto done;
            }
            if (jden != GIDX__NONE && !is_na(gidx_table_cell(tm, i, jden)) &&
                (rc = gidx_index_spec_set_denominator(sp, code, gidx_table_cell(tm, i, jden))) != GIDX_OK)
                goto done;
            numeric = 1;
        } else if (strcmp(type, "Aggregate") == 0) {
            if ((rc = gidx_index_spec_add_aggregate(sp, code, is_na(par) ? "" : par, w)) != GIDX_OK) {
                gidx__error_prefix("%s:%zu: ", gidx_table_name(tm), line);
                goto done;
            }
            nline[gidx_index_spec_nnodes(sp) - 1] = line;
        } else if (strcmp(type, "Denominator") == 0) {
            numeric = 1;
        } else if (strcmp(type, "Group") == 0) {
            const char **labels;
            if ((rc = gidx_table_find_column(&j, td, code)) != GIDX_OK)
                goto done;
            labels = gidx__calloc(nr ? nr : 1, sizeof *labels);
            if (labels == NULL) {
                rc = GIDX_ENOMEM;
                goto done;
            }
            for (size_t r = 0; r < nr; r++) {
                const char *c = gidx_table_cell(td, r, j);
                labels[r] = is_na(c) ? "" : c;
            }
            rc = gidx_index_spec_set_group(sp, code, ucodes, labels, nr);
            free(labels);
            if (rc != GIDX_OK)
                goto done;
        } else if (strcmp(type, "Other") != 0) {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: unknown Type \"%s\" of %s "
                                 "(Indicator, Aggregate, Group, Denominator, Other)",
                                 gidx_table_name(tm), line, type, code);
            goto done;
        }
        if (numeric) {
            if ((rc = gidx_table_find_column(&j, td, code)) != GIDX_OK)
                goto done;
            for (size_t r = 0; r < nr; r++) {
                double v, yr = 0.0;
                if ((rc = gidx_table_cell_double(&v, td, r, j)) != GIDX_OK)
                    goto done;
                if (jtime != GIDX__NONE) {
                    if ((rc = gidx_table_cell_double(&yr, td, r, jtime)) != GIDX_OK)
                        goto done;
                    if (!gidx__isfinite(yr) || yr != floor(yr)) {
                        rc = gidx__error_set(GIDX_EDATA, "%s:%zu: Time is not a year",
                                             gidx_table_name(td), gidx_table_line(td, r));
                        goto done;
                    }
                }
                if (gidx_dataset_has(ds, ucodes[r], (int)yr, code)) {
                    rc = gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: unit %s, year %d appears twice",
                                         gidx_table_name(td), gidx_table_line(td, r), ucodes[r], (int)yr);
                    goto done;
                }
                rc = gidx_dataset_set(ds, ucodes[r], (int)yr, code, isnan(v) ? 0.0 : v,
                                      isnan(v) ? GIDX_FLAG_MISSING : GIDX_FLAG_OK);
                if (rc != GIDX_OK)
                    goto done;
            }
        }
    }
    {
        gidx__topo t;
        if ((rc = gidx__composite_topo(&t, sp)) != GIDX_OK) {
            /* a cycle is named with the iMeta lines of its nodes */
            gidx__buf cyc = GIDX__BUF_INIT;
            if (gidx__composite_cycle(&cyc, sp, nline) > 0)
                rc = gidx__error_set(GIDX_EDATA, "%s: the Parent column forms a cycle, %s "
                                     "(iCode -> Parent): the hierarchy must lead up to one root aggregate",
                                     imeta_path, cyc.s);
            else
                gidx__error_prefix("%s: ", imeta_path);
            gidx__buf_free(&cyc);
            goto done;
        }
        gidx__composite_topo_free(&t);
    }
    gidx_dataset_set_meta(ds, "source", idata_path);
done:
    free(ucodes);
    free(nline);
    gidx_table_free(td);
    gidx_table_free(tm);
    if (rc != GIDX_OK) {
        gidx_dataset_free(ds);
        gidx_index_spec_free(sp);
        return gidx__error_as_data(rc);   /* the files' content is at fault */
    }
    *data = ds;
    *spec = sp;
    return GIDX_OK;
}
