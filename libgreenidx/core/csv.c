/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * One rule for every text cell that libgreenidx writes to a CSV file or an
 * xlsx workbook: RFC 4180 quoting, and neutralisation of formula-like text
 * (CSV or formula injection). Following the OWASP guidance ("CSV Injection",
 * owasp.org/www-community/attacks/CSV_Injection), a text cell that begins with
 * '=', '+', '-', '@', a tab (0x09) or a carriage return (0x0D) is prefixed with
 * a single quote, so a spreadsheet shows the text instead of evaluating it;
 * the field is then quoted. A cell that is a number as a whole (e.g. "-3.5",
 * "+4") is left as it is: a number is not a formula, and changing it would
 * change the data. Numbers that libgreenidx formats itself are never
 * touched. docs/reliability.md documents the rule.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int gidx__formula_like(const char *s)
{
    char *end;
    if (s == NULL || s[0] == '\0' || strchr("=+-@\t\r", s[0]) == NULL)
        return 0;
    /* a whole number such as "-3.5" or "+4" (but not "-inf" or "+nan") */
    if ((s[0] == '-' || s[0] == '+') && ((s[1] >= '0' && s[1] <= '9') || s[1] == '.')) {
        (void)gidx__strtod(s, &end);
        if (end != s && *end == '\0')
            return 0;
    }
    return 1;
}

void gidx__csv_field(gidx__buf *b, const char *s)
{
    int neutral = gidx__formula_like(s);
    if (!neutral && strpbrk(s, ",\"\n\r") == NULL) {
        gidx__buf_puts(b, s);
        return;
    }
    gidx__buf_putc(b, '"');
    if (neutral)
        gidx__buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            gidx__buf_putc(b, '"');
        gidx__buf_putc(b, *s);
    }
    gidx__buf_putc(b, '"');
}

gidx_status gidx_csv_field(char **out, const char *s)
{
    gidx__buf b = GIDX__BUF_INIT;
    if (out == NULL || s == NULL) {
        if (out != NULL)
            *out = NULL;
        return gidx__error_set(GIDX_EINVAL, "gidx_csv_field: NULL argument");
    }
    gidx__csv_field(&b, s);
    *out = gidx__buf_take(&b);
    if (*out == NULL)
        return gidx__error_set(GIDX_ENOMEM, "gidx_csv_field: out of memory");
    return GIDX_OK;
}
