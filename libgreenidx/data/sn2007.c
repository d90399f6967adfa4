/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The industry groups of SSB's employment statistics (StatBank table 13470,
 * "næring (SN2007)") as ranges of SN2007 divisions. SN2007 is Statistics
 * Norway's Standard for næringsgruppering, the Norwegian version of NACE
 * Rev. 2 (Eurostat 2008, NACE Rev. 2 - Statistical classification of
 * economic activities in the European Community, Methodologies and Working
 * Papers, Luxembourg). Labels exactly as SSB publishes them in table 13470;
 * the same table is data/io/sn2007_groups.csv. The seventeenth category of
 * the table, "Uoppgitt" (unspecified), has no divisions: it is known to the
 * loader (employment_unknown) but is not a group.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/internal.h"
#include "data_internal.h"
#include <greenidx/dataset.h>

static const struct {
    int from, to;
    const char *label, *variable;
} groups[] = {
    { 1, 3, "Jordbruk, skogbruk og fiske", "employment_agriculture" },
    { 5, 9, "Bergverksdrift og utvinning", "employment_mining" },
    { 10, 33, "Industri", "employment_manufacturing" },
    { 35, 39, "Elektrisitet, vann og renovasjon", "employment_utilities" },
    { 41, 43, "Bygge- og anleggsvirksomhet", "employment_construction" },
    { 45, 47, "Varehandel, reparasjon av motorvogner", "employment_trade" },
    { 49, 53, "Transport og lagring", "employment_transport" },
    { 55, 56, "Overnattings- og serveringsvirksomhet", "employment_accommodation" },
    { 58, 63, "Informasjon og kommunikasjon", "employment_ict" },
    { 64, 66, "Finansiering og forsikring", "employment_finance" },
    { 68, 75, "Teknisk tjenesteyting, eiendomsdrift", "employment_real_estate_technical" },
    { 77, 82, "Forretningsmessig tjenesteyting", "employment_business_services" },
    { 84, 84, "Off.adm., forsvar, sosialforsikring", "employment_public_admin" },
    { 85, 85, "Undervisning", "employment_education" },
    { 86, 88, "Helse- og sosialtjenester", "employment_health" },
    { 90, 99, "Personlig tjenesteyting", "employment_personal_services" },
};

#define NGROUPS (sizeof groups / sizeof groups[0])

size_t gidx_sn2007_ngroups(void)
{
    return NGROUPS;
}

const char *gidx_sn2007_group(size_t i)
{
    return i < NGROUPS ? groups[i].label : NULL;
}

const char *gidx_sn2007_variable(size_t i)
{
    return i < NGROUPS ? groups[i].variable : NULL;
}

const char *gidx__sn2007_variable_of_label(const char *label)
{
    size_t i;
    for (i = 0; i < NGROUPS; i++)
        if (strcmp(groups[i].label, label) == 0)
            return groups[i].variable;
    return strcmp(label, "Uoppgitt") == 0 ? "employment_unknown" : NULL;
}

gidx_status gidx_sn2007_find(size_t *group, const char *text)
{
    size_t i;
    const char *p;
    if (group == NULL || text == NULL)
        return gidx__error_set(GIDX_EINVAL, "gidx_sn2007_find: NULL argument");
    for (i = 0; i < NGROUPS; i++)
        if (strcmp(groups[i].label, text) == 0 || strcmp(groups[i].variable, text) == 0) {
            *group = i;
            return GIDX_OK;
        }
    /* a division code: two digits, optionally after a section letter
     * ("C10") and followed by a range or a letter ("10-12", "68A") */
    p = text;
    if (isupper((unsigned char)p[0]) && isdigit((unsigned char)p[1]))
        p++;
    if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
        (p[2] == '\0' || p[2] == '-' || p[2] == '.' || isupper((unsigned char)p[2]))) {
        int d = (p[0] - '0') * 10 + (p[1] - '0');
        for (i = 0; i < NGROUPS; i++)
            if (d >= groups[i].from && d <= groups[i].to) {
                *group = i;
                return GIDX_OK;
            }
        return gidx__error_set(GIDX_ENOTFOUND, "SN2007: '%s': there is no division %02d", text, d);
    }
    return gidx__error_set(GIDX_ENOTFOUND, "SN2007: '%s' is neither an industry group of SSB table 13470 "
                           "nor a division code such as 10, 10-12 or 68A", text);
}
