/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The embedded default data: the Telemark panel, and the population of
 * every municipality and county of the country.
 *
 * Sources (data/README.md): Miljødirektoratet, "Klimagassutslipp fra
 * kommuner" (emissions by sector and source, t CO2e); SSB table 07459
 * (population at 1 January), 13470 (employed persons by place of work and
 * SN2007 industry group), 14490 (electricity use by consumer group, GWh); as
 * collected in the public repository evensrii/Telemark. Licences NLOD /
 * CC BY 4.0. The files name municipalities by their current names; they are
 * keyed here by the 2024 codes (4001-4036) through the region registry, and
 * the county 40 is added as the sum of its 17 municipalities. Population of
 * all 357 municipalities, 15 counties and the country (code "0") comes from
 * data/population/ (SSB 07459 harmonised to 2024 codes by the Norwegian
 * Institute of Public Health, niphr/csdata).
 */
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

static const char *const consumers[][2] = {
    { "I alt", "electricity_total" },
    { "Husholdninger", "electricity_households" },
    { "Boliger", "electricity_dwellings" },
    { "Hytter og fritidshus", "electricity_cabins" },
    { "Primærnæringer", "electricity_primary" },
    { "Sekundærnæringer", "electricity_secondary" },
    { "Tertiærnæringer", "electricity_tertiary" },
    { NULL, NULL }
};

static const char *consumer_of(const char *s)
{
    size_t k;
    for (k = 0; consumers[k][0] != NULL; k++)
        if (strcmp(consumers[k][0], s) == 0)
            return consumers[k][1];
    return NULL;
}

/* Resolve a municipality name (today's) to its code. */
static gidx_status code_of(const char **code, gidx__strmap *cache, const gidx_registry *reg,
                           const gidx_table *t, size_t i, size_t j)
{
    const char *nm = gidx_table_cell(t, i, j);
    size_t e;
    gidx_status rc;
    if (!gidx__strmap_get(cache, nm, &e)) {
        if ((rc = gidx_registry_find_name(&e, reg, nm, 0, GIDX_LEVEL_MUNICIPALITY)) != GIDX_OK)
            return gidx__error_prefix("%s:%zu: column %zu: ", gidx_table_name(t),
                                      gidx_table_line(t, i), j + 1);
        if ((rc = gidx__strmap_put(cache, nm, e)) != GIDX_OK)
            return rc;
    }
    *code = gidx_registry_code(reg, e);
    return GIDX_OK;
}

gidx_status gidx__data_embedded_table(gidx_table **t, const char *name)
{
    const char *buf;
    size_t len;
    if (!gidx__data_embedded(name, &buf, &len))
        return gidx__error_set(GIDX_EINTERNAL, "%s is not embedded in this build", name);
    return gidx_table_parse_csv(t, buf, len, name, NULL);
}

/*
 * Add one table: region column @p cr (names), year @p cy, value @p cx,
 * category column @p cat mapped to a variable by @p map (or the fixed variable
 * @p fixed), and optionally a total @p total summed over categories.
 */
static gidx_status add_table(gidx_dataset *ds, const gidx_registry *reg, const char *file,
                             const char *rcol, const char *ycol, const char *xcol,
                             const char *catcol, const char *(*map)(const char *),
                             const char *fixed, const char *total)
{
    gidx_table *t = NULL;
    gidx__strmap *cache = NULL;
    size_t cr, cy, cx, cc = 0, i;
    gidx_status rc;
    if ((rc = gidx__data_embedded_table(&t, file)) != GIDX_OK)
        return rc;
    if ((cache = gidx__strmap_new()) == NULL) {
        gidx_table_free(t);
        return GIDX_ENOMEM;
    }
    if ((rc = gidx_table_find_column(&cr, t, rcol)) != GIDX_OK ||
        (rc = gidx_table_find_column(&cy, t, ycol)) != GIDX_OK ||
        (rc = gidx_table_find_column(&cx, t, xcol)) != GIDX_OK ||
        (catcol && (rc = gidx_table_find_column(&cc, t, catcol)) != GIDX_OK))
        goto done;
    for (i = 0; i < gidx_table_nrows(t); i++) {
        const char *code = NULL, *var;
        int year, flag;
        double v;
        if ((rc = code_of(&code, cache, reg, t, i, cr)) != GIDX_OK ||
            (rc = gidx__data_cell_year(&year, t, i, cy)) != GIDX_OK ||
            (rc = gidx__data_cell_value(&v, &flag, t, i, cx)) != GIDX_OK)
            goto done;
        var = catcol ? map(gidx_table_cell(t, i, cc)) : fixed;
        if (var == NULL) {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: column %zu: unknown category \"%s\"",
                                 file, gidx_table_line(t, i), cc + 1, gidx_table_cell(t, i, cc));
            goto done;
        }
        if (gidx_dataset_has(ds, code, year, var)) {
            rc = gidx__error_set(GIDX_EDUPLICATE, "%s:%zu: region %s, year %d, variable %s twice",
                                 file, gidx_table_line(t, i), code, year, var);
            goto done;
        }
        if ((rc = gidx_dataset_set(ds, code, year, var, v, flag)) != GIDX_OK)
            goto done;
        if (total != NULL) {
            double old = 0;
            int of = GIDX_FLAG_OK;
            if (gidx_dataset_has(ds, code, year, total))
                gidx_dataset_get(&old, &of, ds, code, year, total);
            if (of == GIDX_FLAG_OK && flag == GIDX_FLAG_OK)
                rc = gidx_dataset_set(ds, code, year, total, old + v, GIDX_FLAG_OK);
            else
                rc = gidx_dataset_set(ds, code, year, total, 0,
                                      of != GIDX_FLAG_OK ? of : flag);
            if (rc != GIDX_OK)
                goto done;
        }
    }
done:
    gidx__strmap_free(cache);
    gidx_table_free(t);
    return rc;
}

/*
 * Population at 1 January of every region of the country (SSB 07459 at 2024
 * codes, data/population/): added after the Telemark tables, which win where
 * both have a figure. They agree on all 340 Telemark values they share
 * (17 municipalities, 2007-2026) and the county 40 sum equals the file's
 * county 40 in every year (checked when the file was added, see
 * data/population/README.md), so "win" only decides which provenance a
 * Telemark figure carries; the file adds 2005-2006 there.
 */
static gidx_status add_population(gidx_dataset *ds, const gidx_registry *reg)
{
    static const char file[] = "population/population_total_2005_2026_2024codes.csv";
    gidx_table *t = NULL;
    size_t cr, cy, cx, i;
    gidx_status rc;
    if ((rc = gidx__data_embedded_table(&t, file)) != GIDX_OK)
        return rc;
    if ((rc = gidx_table_find_column(&cr, t, "region_code")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cy, t, "year")) != GIDX_OK ||
        (rc = gidx_table_find_column(&cx, t, "value")) != GIDX_OK)
        goto done;
    for (i = 0; i < gidx_table_nrows(t) && rc == GIDX_OK; i++) {
        const char *code = gidx_table_cell(t, i, cr);
        int year, flag;
        double v;
        size_t e;
        if ((rc = gidx__data_cell_year(&year, t, i, cy)) != GIDX_OK ||
            (rc = gidx__data_cell_value(&v, &flag, t, i, cx)) != GIDX_OK)
            break;
        if (gidx_dataset_has(ds, code, year, "population"))
            continue;
        if ((rc = gidx_dataset_set(ds, code, year, "population", v, flag)) != GIDX_OK)
            break;
        if (strcmp(code, "0") == 0) {
            rc = gidx_dataset_set_region_name(ds, code, "Norway");
        } else if (gidx_registry_find_code(&e, reg, code, 0) == GIDX_OK) {
            rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, e));
        } else {
            rc = gidx__error_set(GIDX_EDATA, "%s:%zu: region %s is not in the region registry",
                                 file, gidx_table_line(t, i), code);
        }
    }
done:
    gidx_table_free(t);
    return rc;
}

gidx_status gidx_dataset_load_default(gidx_dataset **out)
{
    gidx_registry *reg = NULL;
    gidx_dataset *ds = NULL;
    const char *buf;
    size_t len, r;
    gidx_status rc;
    if (out == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_dataset_load_default: out is NULL");
    *out = NULL;
    if ((rc = gidx_registry_load_default(&reg)) != GIDX_OK)
        return rc;
    if (!gidx__data_embedded("telemark/ghg_emissions_by_source.csv", &buf, &len)) {
        gidx_registry_free(reg);
        return gidx__error_set(GIDX_EINTERNAL, "the Telemark data is not embedded in this build");
    }
    if ((rc = gidx_dataset_parse_emissions(&ds, buf, len, "telemark/ghg_emissions_by_source.csv",
                                           reg)) != GIDX_OK ||
        (rc = add_table(ds, reg, "telemark/population.csv", "region", "år", "value", NULL, NULL,
                        "population", NULL)) != GIDX_OK ||
        (rc = add_table(ds, reg, "telemark/employment_by_industry.csv", "region", "år", "value",
                        "næring (SN2007)", gidx__sn2007_variable_of_label, NULL,
                        "employment_total")) != GIDX_OK ||
        (rc = add_table(ds, reg, "telemark/electricity_use.csv", "Kommune", "År", "Verdi",
                        "Forbrukergruppe", consumer_of, NULL, NULL)) != GIDX_OK)
        goto fail;
    /* Display names of the municipalities. */
    for (r = 0; r < gidx_dataset_nregions(ds); r++) {
        const char *code = gidx_dataset_region(ds, r);
        size_t e;
        if (gidx_registry_find_code(&e, reg, code, 0) == GIDX_OK &&
            (rc = gidx_dataset_set_region_name(ds, code, gidx_registry_name(reg, e))) != GIDX_OK)
            goto fail;
    }
    if ((rc = gidx_dataset_aggregate_counties(ds, reg, NULL, 0)) != GIDX_OK ||
        (rc = add_population(ds, reg)) != GIDX_OK)
        goto fail;
    if ((rc = gidx_dataset_set_meta(ds, "file", "embedded: data/telemark/*.csv, "
                                   "data/population/population_total_2005_2026_2024codes.csv")) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "source",
            "Miljødirektoratet, Klimagassutslipp fra kommuner (ghg_*); SSB table 07459 "
            "(population; all regions via niphr/csdata at 2024 codes), 13470 (employment_*), 14490 (electricity_*)")) != GIDX_OK ||
        /* the same in bokmål, for `greenidx report --lang nb` */
        (rc = gidx_dataset_set_meta(ds, "source_nb",
            "Miljødirektoratet, Klimagassutslipp fra kommuner (ghg_*); SSB-tabell 07459 "
            "(folkemengde; alle regioner via niphr/csdata med 2024-koder), 13470 (sysselsatte, "
            "employment_*), 14490 (strømforbruk, electricity_*)")) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "via", "https://github.com/evensrii/Telemark")) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "licence",
            "NLOD 2.0 / CC BY 4.0 (Miljødirektoratet, Statistisk sentralbyrå)")) != GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "boundaries", "2024 municipalities; county 40 = sum; "
            "population of every municipality, county and the country (0)")) !=
            GIDX_OK ||
        (rc = gidx_dataset_set_meta(ds, "units",
            "ghg_*: t CO2e; population: persons at 1 January; employment_*: employed persons "
            "by place of work; electricity_*: GWh")) != GIDX_OK)
        goto fail;
    gidx_registry_free(reg);
    *out = ds;
    return GIDX_OK;
fail:
    gidx_registry_free(reg);
    gidx_dataset_free(ds);
    return rc;
}
