# libgreenidx - answers of SSB tables 07459, 13470, 14490 and 07849 built from
# real published figures, in the layout of SSB's real 07459 answer
# (ssb_07459_population_by_municipality_2022.json: Region codes "K-5001" /
# "F-50", role.geo/time/metric, extension.px.tableid), for the test server
# (server.py --real). Each query is first checked against the parameters the
# real tables take (docs/fetch.md, "The default catalogue's fetch records");
# a query that differs gets HTTP 400 naming the difference.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures (never invented):
#   07459  data/population/population_total_2005_2026_2024codes.csv (SSB 07459)
#   13470  data/telemark/employment_by_industry.csv (SSB 13470, Telemark)
#   14490  data/telemark/electricity_use.csv (SSB 14490, Telemark)
#   07849  tests/data/fetch/cars_07849_partner_municipalities_tidy.csv (SSB 07849,
#          the four partner municipalities)
#   13563, 09391  CONSTRUCTED, NOT SSB FIGURES (no public copy of their values
#          was found): for the six partner regions only, from the real
#          population of 07459 (1 January of the year) by fixed shares (see
#          LABOUR_SHARES, GDP_PER_PERSON) so that the layout, the labels, the
#          query and the arithmetic (labour force = employed + registered
#          unemployed; rate) are exercised. Every other region is "..".
# Counties are the sums of their municipalities (as SSB's county rows are).
# A region/year the sources do not hold is null with status ".." .
# Category codes of 14490 Forbrukargruppe and 07849 DrivstoffType: the real
# codes were not found in public scripts, so the client selects "*" and finds
# categories by their labels; the codes below ("c0", ...) are this server's own.
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

NACE = [("01-03", "Jordbruk, skogbruk og fiske"), ("05-09", "Bergverksdrift og utvinning"),
        ("10-33", "Industri"), ("35-39", "Elektrisitet, vann og renovasjon"),
        ("41-43", "Bygge- og anleggsvirksomhet"), ("45-47", "Varehandel, reparasjon av motorvogner"),
        ("49-53", "Transport og lagring"), ("55-56", "Overnattings- og serveringsvirksomhet"),
        ("58-63", "Informasjon og kommunikasjon"), ("64-66", "Finansiering og forsikring"),
        ("68-75", "Teknisk tjenesteyting, eiendomsdrift"),
        ("77-82", "Forretningsmessig tjenesteyting"), ("84", "Off.adm., forsvar, sosialforsikring"),
        ("85", "Undervisning"), ("86-88", "Helse- og sosialtjenester"),
        ("90-99", "Personlig tjenesteyting"), ("00", "Uoppgitt")]
CONSUMERS = ["I alt", "Husholdninger", "Boliger", "Hytter og fritidshus", "Primærnæringer",
             "Sekundærnæringer", "Tertiærnæringer"]
FUELS = [("Petrol", "private_cars_petrol"), ("Diesel", "private_cars_diesel"),
         ("Paraffin", "private_cars_paraffin"), ("Gas", "private_cars_gas"),
         ("Electricity", "private_cars_electricity"), ("Other fuel", "private_cars_other_fuel")]

# The documented parameters of each table (besides valueCodes[Region] and
# valueCodes[Tid], which the test chooses): table -> {key: value}.
EXPECTED = {
    "07459": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "Personer1"},
    "13470": {"lang": "no", "outputFormat": "json-stat2",
              "valueCodes[ContentsCode]": "SysselsatteArb", "outputValues[Region]": "aggregated",
              "codelist[NACE2007]": "agg_NACE2007arb11", "outputValues[NACE2007]": "single",
              "valueCodes[NACE2007]": ",".join(c for c, _ in NACE)},
    "14490": {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "Forbruk",
              "outputValues[Region]": "aggregated",
              "valueCodes[Forbrukargruppe]": "*"},
    "07849": {"lang": "en", "outputFormat": "json-stat2",
              "valueCodes[ContentsCode]": "Personbil1", "valueCodes[DrivstoffType]": "*",
              "valueCodes[KjoringensArt]": "1"},
}
EXPECTED["13563"] = {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "*",
                     "outputValues[Region]": "aggregated",
                     "codelist[HovArbStyrkStatus]": "vs_ArbStatus2018niva2a",
                     "valueCodes[HovArbStyrkStatus]": "*"}
EXPECTED["09391"] = {"lang": "no", "outputFormat": "json-stat2", "valueCodes[ContentsCode]": "*"}
# agg_ code lists: municipalities "K-5001" in agg_KommSummer, counties "F-50" in
# agg_KommFylker (municipalities aggregated to counties), one list per request
PREFIXED = {"13470", "14490", "13563"}
REGION_LISTS = {"K-": "agg_KommSummer", "F-": "agg_KommFylker"}
# 13563, HovArbStyrkStatus (vs_ArbStatus2018niva2a): the codes and labels of the
# public script evensrii/Telemark (Python/Queries, 13563: the seven codes it
# selects, the labels it renames; which code carries which label is not in the
# script, so the client finds categories by label and this order is the
# server's own); the shares are CONSTRUCTED (see above).
LABOUR = [("A.01", "Sysselsatte", 0.5), ("A.09", "Deltakere på arbeidsmarkedstiltak", 0.004),
          ("U.01", "Registrerte arbeidsledige", 0.012), ("U.03", "Under ordinær utdanning", 0.1),
          ("U.04-U.05", "Mottakere av arbeidsavklaringspenger / uføretrygd", 0.07),
          ("U.06-U.07", "Mottakere av AFP/alderspensjon", 0.15), ("U.90A", "Andre", 0.03)]
GDP_PER_PERSON = 0.5   # CONSTRUCTED: NOK million per inhabitant, only to give 09391 a value
# 09391's statistikkvariabel: the label of county GDP as SSB writes it in the
# regional accounts (statbank 11713 lists "Bruttoprodukt i basisverdi. Løpende
# priser (mill. kr)"); the codes are the server's own.
GDP_CONTENTS = [("c0", "Bruttoprodukt i basisverdi. Løpende priser (mill. kr)"),
                ("c1", "Sysselsatte personer (1 000 personer)")]
PARTNERS = {"5001", "4601", "5035", "4624", "50", "46"}


def _names():
    """Today's municipality names -> 2024 codes (the region registry's file)."""
    out = {}
    path = os.path.join(ROOT, "data", "regions", "municipality_harmonisation_1994_2024.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["code"] == r["code_2024"]:
                out[r["name_2024"]] = r["code_2024"]
    return out


def _load():
    names = _names()
    pop, emp, ele, cars = {}, {}, {}, {}
    with open(os.path.join(ROOT, "data", "population",
                           "population_total_2005_2026_2024codes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pop[(r["region_code"], r["year"], "Personer1")] = float(r["value"])
    label_code = {lab: c for c, lab in NACE}
    with open(os.path.join(ROOT, "data", "telemark", "employment_by_industry.csv"),
              encoding="utf-8") as f:
        for r in csv.DictReader(f):
            emp[(names[r["region"]], r["år"], label_code[r["næring (SN2007)"]])] = float(r["value"])
    with open(os.path.join(ROOT, "data", "telemark", "electricity_use.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ele[(names[r["Kommune"]], r["År"], "c%d" % CONSUMERS.index(r["Forbrukergruppe"]))] = \
                float(r["Verdi"])
    var_code = {v: "c%d" % i for i, (_, v) in enumerate(FUELS)}
    with open(os.path.join(HERE, "cars_07849_partner_municipalities_tidy.csv"),
              encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["variable"] in var_code:
                cars[(r["region_code"], r["year"], var_code[r["variable"]])] = float(r["value"])
    for d in (emp, ele, cars):   # county rows: sums of the municipalities
        sums = {}
        for (reg, y, c), v in d.items():
            if len(reg) == 4:
                sums[(reg[:2], y, c)] = sums.get((reg[:2], y, c), 0.0) + v
        for k, v in sums.items():
            d.setdefault(k, v)
    return pop, emp, ele, cars


DATA = None


def check(table, params):
    """None when the query has the table's documented parameters, else a message."""
    want = EXPECTED[table]
    for k, v in want.items():
        if params.get(k) != v:
            return "parameter %s is %r, the table wants %r" % (k, params.get(k), v)
    allowed = set(want) | {"valueCodes[Region]", "valueCodes[Tid]"}
    if table in PREFIXED:
        allowed.add("codelist[Region]")
    extra = sorted(set(params) - allowed)
    if extra:
        return "parameters %s are not among the table's documented ones" % ", ".join(extra)
    for r in params.get("valueCodes[Region]", "").split(","):
        pre = r[:2] in ("K-", "F-")
        if pre != (table in PREFIXED):
            return "region %r: the code list %s wants %s codes" % (
                r, params.get("codelist[Region]", "(none)"), "K-/F-" if table in PREFIXED else "plain")
        if pre and params.get("codelist[Region]") != REGION_LISTS[r[:2]]:
            return "region %r is not in the code list %s (%s codes are in %s)" % (
                r, params.get("codelist[Region]", "(none)"), r[:2], REGION_LISTS[r[:2]])
    return None


def _cells(regions, cats, years, cell):
    """The value array (regions x categories x years, the order of "id") and
    the ".." status of each missing cell, from cell(code, year, category)."""
    values, status = [], {}
    for r in regions:
        code = r[2:] if r[:2] in ("K-", "F-") else r
        for c, _ in cats:
            for y in years:
                v = cell(code, y, c)
                if v is None:
                    status[str(len(values))] = ".."
                values.append(v)
    return values, status


def _dataset(table, lab, ids, dims, regions, years, values, status):
    """The JSON-stat 2.0 envelope SSB's PxWebApi v2 wraps around a table's
    dimensions and values (the real answers' layout; one builder for the
    recorded tables and the constructed ones)."""
    ds = {"class": "dataset", "label": lab, "source": "Statistisk sentralbyrå",
          "updated": "2025-03-14T07:00:00Z", "id": ids,
          "size": [len(regions) if d == "Region" else len(years) if d == "Tid"
                   else len(dims[d]["category"]["index"]) for d in ids],
          "dimension": dims, "value": values,
          "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
          "version": "2.0", "extension": {"px": {"infofile": "None", "tableid": table,
                                                 "decimals": 0}}}
    if status:
        ds["status"] = status
    return ds


def answer(table, params):
    global DATA
    if DATA is None:
        DATA = _load()
    bad = check(table, params)
    if bad is not None:
        return 400, {"title": "Bad Request", "status": 400, "detail": bad}
    pop, emp, ele, cars = DATA
    regions = params["valueCodes[Region]"].split(",")
    years = params["valueCodes[Tid]"].split(",")
    if table in ("13563", "09391"):
        return 200, constructed(table, regions, years, pop)
    if table == "07459":
        vdim, cats, src, lab = "ContentsCode", [("Personer1", "Personer")], pop, \
            "07459: Befolkning, etter region, statistikkvariabel og år"
        ids = ["Region", "ContentsCode", "Tid"]
    elif table == "13470":
        vdim, cats, src, lab = "NACE2007", NACE, emp, \
            "13470: Sysselsatte per 4. kvartal, etter region, næring (SN2007), statistikkvariabel og år"
        ids = ["Region", "NACE2007", "ContentsCode", "Tid"]
    elif table == "14490":
        vdim, cats, src, lab = "Forbrukargruppe", [("c%d" % i, c) for i, c in enumerate(CONSUMERS)], \
            ele, "14490: Elektrisitetsforbruk, etter region, forbrukargruppe, statistikkvariabel og år"
        ids = ["Region", "Forbrukargruppe", "ContentsCode", "Tid"]
    else:
        vdim, cats, src, lab = "DrivstoffType", [("c%d" % i, f) for i, (f, _) in enumerate(FUELS)], \
            cars, "07849: Registered vehicles, by region, type of driving, type of fuel, contents and year"
        ids = ["Region", "KjoringensArt", "DrivstoffType", "ContentsCode", "Tid"]
    contents = params["valueCodes[ContentsCode]"]
    values, status = _cells(regions, cats, years, lambda code, y, c: src.get(
        (code, y, c if vdim != "ContentsCode" else "Personer1")))
    dims = {
        "Region": {"label": "region", "category": {
            "index": {r: i for i, r in enumerate(regions)},
            "label": {r: "Region " + r for r in regions}},
            "link": {"describedby": [{"extension": {
                "Region": "urn:ssb:classification:klass:104 urn:ssb:classification:klass:131"}}]}},
        vdim: {"label": vdim, "category": {"index": {c: i for i, (c, _) in enumerate(cats)},
                                           "label": {c: l for c, l in cats}}},
        "Tid": {"label": "år", "category": {"index": {y: i for i, y in enumerate(years)},
                                             "label": {y: y for y in years}}},
    }
    if vdim != "ContentsCode":
        dims["ContentsCode"] = {"label": "statistikkvariabel", "category": {
            "index": {contents: 0}, "label": {contents: contents}}}
    if "KjoringensArt" in ids:
        dims["KjoringensArt"] = {"label": "type of driving", "category": {
            "index": {"1": 0}, "label": {"1": "Private cars"}}}
    return 200, _dataset(table, lab, ids, dims, regions, years, values, status)


def constructed(table, regions, years, pop):
    """13563 and 09391 for the partner regions: CONSTRUCTED values (see the
    head of this file), in the layout of the real answers."""
    if table == "13563":
        vdim, cats = "HovArbStyrkStatus", [(c, l) for c, l, _ in LABOUR]
        share = {c: s for c, _, s in LABOUR}
        ids = ["Region", "HovArbStyrkStatus", "ContentsCode", "Tid"]
        lab = "13563: Personer 15-74 år, etter region, prioritert arbeidsstyrkestatus, " \
              "statistikkvariabel og år"
    else:
        vdim, cats = "ContentsCode", GDP_CONTENTS
        share = {"c0": GDP_PER_PERSON, "c1": None}
        ids = ["Region", "ContentsCode", "Tid"]
        lab = "09391: Hovedtall fylkesfordelt nasjonalregnskap, etter region, statistikkvariabel og år"
    def cell(code, y, c):
        p = pop.get((code, y, "Personer1"))
        if code in PARTNERS and p is not None and share[c] is not None and \
                (table == "13563" or len(code) == 2):
            return round(p * share[c], 1 if table == "09391" else 0)
        return None
    values, status = _cells(regions, cats, years, cell)
    dims = {
        "Region": {"label": "region", "category": {
            "index": {r: i for i, r in enumerate(regions)},
            "label": {r: "Region " + r for r in regions}}},
        vdim: {"label": vdim if vdim != "ContentsCode" else "statistikkvariabel",
               "category": {"index": {c: i for i, (c, _) in enumerate(cats)},
                            "label": {c: l for c, l in cats}}},
        "Tid": {"label": "år", "category": {"index": {y: i for i, y in enumerate(years)},
                                             "label": {y: y for y in years}}},
    }
    if vdim != "ContentsCode":
        dims["ContentsCode"] = {"label": "statistikkvariabel", "category": {
            "index": {"c0": 0}, "label": {"c0": "Personer"}}}
    return _dataset(table, lab, ids, dims, regions, years, values, status)
