/*
 * libgreenidx - green-competitiveness indicators for Norwegian regions
 * Copyright (C) 2026 the libgreenidx developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/*
 * The report's languages: one table of every fixed string of the report
 * layer (roadmap prose, table headers, captions, renderer and SVG labels) in
 * English and Norwegian bokmål, looked up through one function,
 * gidx__tr(); and number formatting by language (decimal point and comma
 * thousands separator in English, decimal comma and space in Norwegian, as
 * Språkrådet recommends for bokmål). Never e-notation.
 *
 * Adding a string: put { "English", "bokmål" } in strings[] and write
 * gidx__tr(lang, "English") (T("English") in roadmap.c). A printf format must
 * keep its conversions, in the same order, in both languages (a test checks
 * this); tests/check_report.c checks that a bokmål report holds none of the
 * English strings. docs/report.md, "Languages", says the same.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/internal.h"
#include "report_internal.h"

typedef struct tr {
    const char *en, *nb;
} tr;

static const tr strings[] = {
    /* document */
    { "Green competitiveness roadmap", "Veikart for grønn konkurransekraft" },
    { "Summary", "Sammendrag" },
    { "Data validation", "Datavalidering" },
    { "Green-competitiveness index and ranking", "Indeks for grønn konkurransekraft og rangering" },
    { "Benchmarking between regions", "Sammenligning mellom regioner" },
    { "Forecasts to %d", "Prognoser til %d" },
    { "Policy scenario: %s", "Tiltaksscenario: %s" },
    { "Methods and references", "Metoder og referanser" },
    { "All validation findings", "Alle valideringsfunn" },
    /* summary */
    { "Status against the %d target", "Status mot målet for %d" },
    { "region", "region" },
    { "indicator", "indikator" },
    { "base year", "basisår" },
    { "level in the base year", "nivå i basisåret" },
    { "target %d", "mål %d" },
    { "forecast %d", "prognose %d" },
    { "P(meet target) (%)", "P(når målet) (%)" },
    { "status", "status" },
    { "on track", "i rute" },
    { "off track", "ikke i rute" },
    { "no forecast", "ingen prognose" },
    { "base year not observed", "basisåret mangler" },
    { "no target", "intet mål" },
    { "%s: %s is forecast at %s in %d against a target of %s (%s).",
      "%s: %s er anslått til %s i %d mot et mål på %s (%s)." },
    { "No target record in the catalogue: the status against a %d target cannot be given.",
      "Katalogen har ingen målpost: status mot et mål for %d kan ikke gis." },
    { "Catalogue \"%s\": %s indicators. Data: %s regions, %s years (%d-%d)",
      "Katalog «%s»: %s indikatorer. Data: %s regioner, %s år (%d–%d)" },
    { "; source: %s", "; kilde: %s" },
    { ". The report covers %s regions:", ". Rapporten omfatter %s regioner:" },
    { ". The report covers 1 region:", ". Rapporten omfatter 1 region:" },
    { ". %s of the panel's indicator values are missing; each has a recorded reason "
      "(greenidx indicators --format json).",
      ". %s av panelets indikatorverdier mangler; hver har en registrert årsak "
      "(greenidx indicators --format json)." },
    /* summary: the report's universe and the data it needs (partners) */
    { "The data hold %s regions; %s of them have the data the indicators compare (the others "
      "have too few base variables, e.g. population alone). Validation, the index and the "
      "benchmarks use those %s and the regions asked for.",
      "Dataene omfatter %s regioner; %s av dem har dataene indikatorene sammenligner (de andre "
      "har for få grunnvariabler, f.eks. bare folketall). Valideringen, indeksen og "
      "sammenligningene bruker disse %s og regionene det er spurt om." },
    { "Data needed: 1 indicator cannot be computed for some of the regions of this report.",
      "Data som trengs: 1 indikator kan ikke beregnes for noen av regionene i denne rapporten." },
    { "Data needed: %s indicators cannot be computed for some of the regions of this report.",
      "Data som trengs: %s indikatorer kan ikke beregnes for noen av regionene i denne "
      "rapporten." },
    { "The table names the base variables the data lack and the command that fetches them; "
      "then run greenidx report --data partners.csv.",
      "Tabellen viser grunnvariablene dataene mangler og kommandoen som henter dem; kjør så "
      "greenidx report --data partners.csv." },
    { "Left out of the index and the benchmarks (too few of the compared indicators): %s.",
      "Utelatt fra indeksen og sammenligningene (for få av indikatorene som sammenlignes): %s." },
    { "Missing indicators: why, and the fetch command that brings them",
      "Manglende indikatorer: hvorfor, og fetch-kommandoen som henter dem" },
    { "missing for", "mangler for" },
    { "why: no data for", "hvorfor: ingen data for" },
    { "source", "kilde" },
    { "greenidx fetch command", "greenidx fetch-kommando" },
    { "the inputs are there but give no value (e.g. a base year or the previous year is missing)",
      "inndataene finnes, men gir ingen verdi (f.eks. mangler et basisår eller året før)" },
    { "(ghg_*: Miljødirektoratet's workbook, read by gidx_dataset_load_mdir)",
      "(ghg_*: Miljødirektoratets regneark, lest av gidx_dataset_load_mdir)" },
    { "no public source to fetch: load it with --data",
      "ingen offentlig kilde å hente fra: last den inn med --data" },
    { "%s: not published at municipal level (a county statistic; the counties have it)",
      "%s: publiseres ikke på kommunenivå (fylkesstatistikk; fylkene har den)" },
    /* targets by region (partners) */
    { "Targets by region: a region's own target (a catalogue target that names it in "
      "\"regions\") applies, else the default; --target overrides both",
      "Mål per region: regionens eget mål (et mål i katalogen som nevner den under «regions») "
      "gjelder, ellers standardmålet; --target overstyrer begge" },
    { "applies as", "gjelder som" },
    { "target year", "målår" },
    { "cut", "kutt" },
    { "to %s", "til %s" },
    { "own target of the region", "regionens eget mål" },
    { "--target, for every region", "--target, for alle regioner" },
    { "default", "standard" },
    /* validation */
    { "%s findings on the indicator panel: coverage and gaps, robust z-score outliers on levels "
      "and year-to-year changes (|z| > 3.5, Iglewicz & Hoaglin 1993), skewness and kurtosis "
      "(|skew| > 2 and kurtosis > 3.5), municipal sums against county totals, impossible values "
      "and redundancy within pillars (|r| > 0.9).",
      "%s funn i indikatorpanelet: dekning og hull, robuste z-skår-avvik i nivåer og endringer "
      "fra år til år (|z| > 3,5, Iglewicz & Hoaglin 1993), skjevhet og kurtose (|skjevhet| > 2 og "
      "kurtose > 3,5), kommunesummer mot fylkestall, umulige verdier og overlapp innen søyler "
      "(|r| > 0,9)." },
    { "Findings by check", "Funn per kontroll" },
    { "Findings by check and indicator", "Funn per kontroll og indikator" },
    { "check", "kontroll" },
    { "year", "år" },
    { "value", "verdi" },
    { "message", "melding" },
    { "all", "alle" },
    { "The full list of findings is in the section \"All validation findings\" at the end of "
      "this report (also: greenidx validate).",
      "Den fullstendige listen over funn står i avsnittet «Alle valideringsfunn» bakerst i "
      "rapporten (også: greenidx validate)." },
    { "Every finding of the validation, by check, indicator, region and year.",
      "Alle funn fra valideringen, etter kontroll, indikator, region og år." },
    { "gaps", "hull" },
    { "outlier (level)", "avvik (nivå)" },
    { "outlier (change)", "avvik (endring)" },
    { "skewness and kurtosis", "skjevhet og kurtose" },
    { "county sum", "fylkessum" },
    { "impossible value", "umulig verdi" },
    { "redundant pair", "overlappende par" },
    /* index */
    { "No index could be built: %s", "Ingen indeks kunne beregnes: %s" },
    { "No index could be built.", "Ingen indeks kunne beregnes." },
    { "The Monte Carlo rank intervals could not be computed: %s",
      "Monte Carlo-intervallene for rangeringen kunne ikke beregnes: %s" },
    { "The Monte Carlo rank intervals could not be computed.",
      "Monte Carlo-intervallene for rangeringen kunne ikke beregnes." },
    { "Index for %d of %s regions from %s indicators in their pillars (min-max normalised 0-100 "
      "in each indicator's direction, equal weights, arithmetic means; a pillar needs half its "
      "indicators). ",
      "Indeks for %d for %s regioner ut fra %s indikatorer i sine søyler (min–maks-normalisert "
      "0–100 i hver indikators retning, like vekter, aritmetiske gjennomsnitt; en søyle trenger "
      "halvparten av sine indikatorer). " },
    { "Rank intervals: 5-95 %% of %s Monte Carlo replications (seed %lu) varying normalisation "
      "(min-max, z-score, rank), aggregation (arithmetic, Copeland outranking), weights (+/- 25 %%) "
      "and leaving one indicator out; the interval runs from the whole rank at or below the 5 %% "
      "quantile to the whole rank at or above the 95 %% quantile.",
      "Rangeringsintervaller: 5–95 %% av %s Monte Carlo-replikasjoner (frø %lu) med varierende "
      "normalisering (min–maks, z-skår, rang), aggregering (aritmetisk, Copeland-rangering), vekter "
      "(+/- 25 %%) og utelatelse av én indikator; intervallet går fra hel rang på eller under "
      "5 %%-kvantilen til hel rang på eller over 95 %%-kvantilen." },
    { "Index ranking with 5-95 % rank intervals", "Indeksrangering med 5–95 %-intervaller for rang" },
    { "Scores and ranks", "Poeng og rangering" },
    { "score", "poeng" },
    { "rank", "rang" },
    { "median rank", "medianrang" },
    { "rank 5 %", "rang 5 %" },
    { "rank 95 %", "rang 95 %" },
    /* benchmark */
    { "Indicator values %d (blue = better, red = worse)",
      "Indikatorverdier %d (blått = bedre, rødt = dårligere)" },
    { "strengths vs peers", "styrker mot de andre" },
    { "weaknesses vs peers", "svakheter mot de andre" },
    { "Scorecards: normalised indicator score minus the mean of the other regions (0-100 scale)",
      "Resultatkort: normalisert indikatorpoeng minus gjennomsnittet for de andre regionene "
      "(skala 0–100)" },
    /* forecasts */
    { "Automatic forecasts: the best ETS, ARIMA and Theta models by AICc, combined with equal "
      "weights, on the observed years (gaps are real time gaps). Intervals at 80 % and 95 % are "
      "calibrated on each series' own rolling-origin errors. ",
      "Automatiske prognoser: de beste ETS-, ARIMA- og Theta-modellene etter AICc, kombinert med "
      "like vekter, på de observerte årene (hull er reelle hull i tid). Intervallene på 80 % og "
      "95 % er kalibrert på hver series egne feil med rullerende startpunkt. " },
    { "Target \"%s\": %s (%s). ", "Mål «%s»: %s (%s). " },
    { "Target \"%s\": a cut of %s %% from %d by %d. ", "Mål «%s»: et kutt på %s %% fra %d innen %d. " },
    { "Target \"%s\": the level %s by %d. ", "Mål «%s»: nivået %s innen %d. " },
    { "P(meet target) is the probability of being at or below the target path in %d under the "
      "forecast distribution; the annual cut needed is the constant yearly cut from the last "
      "observation.",
      "P(når målet) er sannsynligheten for å ligge på eller under målbanen i %d etter "
      "prognosefordelingen; nødvendig årlig kutt er det konstante årlige kuttet fra siste "
      "observasjon." },
    { "Forecasts for %d (mean and intervals)", "Prognoser for %d (gjennomsnitt og intervaller)" },
    { "last year", "siste år" },
    { "last value", "siste verdi" },
    { "model", "modell" },
    { "forecast", "prognose" },
    { "80 % low", "80 % nedre" },
    { "80 % high", "80 % øvre" },
    { "95 % low", "95 % nedre" },
    { "95 % high", "95 % øvre" },
    { "target", "mål" },
    { "annual cut needed (% per year)", "nødvendig årlig kutt (% per år)" },
    { "observed", "observert" },
    { "no forecast: %s", "ingen prognose: %s" },
    /* model names (replaced inside gidx_model_name()'s text) */
    { "Combination", "Kombinasjon" },
    { "with non-zero mean", "med konstantledd" },
    { "with zero mean", "med null som middel" },
    { "with drift", "med drift" },
    { "Optimised Theta", "Optimert Theta" },
    { "Standard Theta", "Standard Theta" },
    { "Random walk", "Tilfeldig gang" },
    { "Naive", "Naiv" },
    { "Drift", "Drift" },
    /* scenario */
    { "instrument", "virkemiddel" },
    { "start", "start" },
    { "baseline", "referansebane" },
    { "with instrument", "med virkemiddel" },
    { "difference", "forskjell" },
    { "Baseline and scenario forecasts for %d", "Referanse- og scenarioprognoser for %d" },
    { "quantity", "størrelse" },
    { "direct", "direkte" },
    { "indirect", "indirekte" },
    { "induced", "indusert" },
    { "total", "totalt" },
    { "output", "produksjon" },
    { "employment", "sysselsetting" },
    { "value added", "bruttoprodukt" },
    { "labour income", "lønnsinntekt" },
    { "emissions", "utslipp" },
    { "Ripple effects of the final-demand shock (type %s, %s)",
      "Ringvirkninger av sjokket i sluttetterspørselen (type %s, %s)" },
    /* ripple (section_ripple) */
    { "greenhouse gases (t CO2e)", "klimagasser (t CO2e)" },
    { "imported intermediates", "importert produktinnsats" },
    { "purchases from the rest of Norway", "kjøp fra resten av Norge" },
    { "Final-demand shock:", "Sjokk i sluttetterspørselen:" },
    { "The model's notes are in the English report (--lang en).",
      "Modellens merknader står i den engelske rapporten (--lang en)." },
    { "%s, regionalised for %s", "%s, regionalisert for %s" },
    { "SSB input-output table for Norway", "SSBs kryssløpstabell for Norge" },
    { "Output effects by industry, the %s largest",
      "Produksjonsvirkninger etter næring, de %s største" },
    { "Output effects by industry, the %s largest (inside the region)",
      "Produksjonsvirkninger etter næring, de %s største (i regionen)" },
    { "NOK million", "mill. kr" },
    /* drivers of change (drivers_section.c) */
    { "Drivers of change", "Drivkrefter bak endringen" },
    { "What drove the change of greenhouse-gas emissions: LMDI-I decomposition (Ang 2005; Ang "
      "2015) into population, employment rate (jobs per inhabitant), industry structure (the "
      "share of jobs in the industries that emit) and emission intensity (emissions per job, or "
      "per inhabitant for road traffic, heating, other mobile combustion and fluorinated gases), "
      "from the first to the last year with emissions, population and jobs by industry; and "
      "Tapio's (2005) decoupling class of emissions against jobs for each period. Method: "
      "docs/decompose.md.",
      "Hva som drev endringen i klimagassutslippene: LMDI-I-dekomponering (Ang 2005; Ang 2015) "
      "i folketall, sysselsettingsrate (arbeidsplasser per innbygger), næringsstruktur (andelen "
      "arbeidsplasser i næringene med utslipp) og utslippsintensitet (utslipp per arbeidsplass, "
      "eller per innbygger for veitrafikk, oppvarming, annen mobil forbrenning og fluorholdige "
      "gasser), fra første til siste år med utslipp, folketall og arbeidsplasser etter næring; "
      "og Tapios (2005) frakoblingsklasse for utslipp mot arbeidsplasser for hver periode. "
      "Metode: docs/decompose.md." },
    { "Population", "Folketall" },
    { "Employment rate", "Sysselsettingsrate" },
    { "Industry structure", "Næringsstruktur" },
    { "Emission intensity", "Utslippsintensitet" },
    { "period", "periode" },
    { "emissions change (%)", "endring i utslipp (%)" },
    { "jobs change (%)", "endring i arbeidsplasser (%)" },
    { "population change (%)", "endring i folketall (%)" },
    { "jobs", "arbeidsplasser" },
    { "population", "folketall" },
    { "elasticity", "elastisitet" },
    { "Tapio class", "Tapio-klasse" },
    { "fell", "falt" },
    { "rose", "steg" },
    { "did not change", "endret seg ikke" },
    { "population growth", "befolkningsvekst" },
    { "population decline", "befolkningsnedgang" },
    { "a higher employment rate", "høyere sysselsettingsrate" },
    { "a lower employment rate", "lavere sysselsettingsrate" },
    { "a shift of jobs towards emitting industries",
      "at arbeidsplasser flyttet seg mot næringer med utslipp" },
    { "a shift of jobs away from emitting industries",
      "at arbeidsplasser flyttet seg bort fra næringer med utslipp" },
    { "higher emissions per job and per inhabitant",
      "høyere utslipp per arbeidsplass og per innbygger" },
    { "lower emissions per job and per inhabitant",
      "lavere utslipp per arbeidsplass og per innbygger" },
    { "undefined (jobs unchanged)", "udefinert (uendret antall arbeidsplasser)" },
    { "strong decoupling", "sterk frakobling" },
    { "weak decoupling", "svak frakobling" },
    { "expansive coupling", "ekspansiv kobling" },
    { "expansive negative decoupling", "ekspansiv negativ frakobling" },
    { "strong negative decoupling", "sterk negativ frakobling" },
    { "weak negative decoupling", "svak negativ frakobling" },
    { "recessive coupling", "resessiv kobling" },
    { "recessive decoupling", "resessiv frakobling" },
    { "%s: no decomposition (%s)", "%s: ingen dekomponering (%s)" },
    { "%s: no decomposition.", "%s: ingen dekomponering." },
    { "no emissions in the first year", "ingen utslipp i første år" },
    { "%s: emissions %d-%d by driver", "%s: utslipp %d–%d etter drivkraft" },
    { "%s: decoupling of emissions from %s after Tapio (2005)",
      "%s: frakobling av utslipp fra %s etter Tapio (2005)" },
    { "Emissions in %s %s %s %% from %d to %d (%s %s); %s contributed most (%s t)",
      "Utslippene i %s %s %s %% fra %d til %d (%s %s); %s bidro mest (%s t)" },
    { ", while %s pulled the other way (%s t)", ", mens %s trakk i motsatt retning (%s t)" },
    { "%s: %s zero or missing value(s) handled as Ang & Liu (2007) recommend (greenidx "
      "decompose --region %s lists them).",
      "%s: %s null- eller manglende verdi(er) behandlet slik Ang & Liu (2007) anbefaler "
      "(greenidx decompose --region %s viser dem)." },
    { "%s has no jobs by industry in the data: every sector is taken as population-driven "
      "(E = P x E/P) and decoupling is measured against population.",
      "%s har ingen arbeidsplasser etter næring i dataene: hver sektor regnes som drevet av "
      "folketallet (E = P x E/P), og frakobling måles mot folketall." },
    /* methods */
    { "Indicators: formulas over official statistics from the catalogue; a value that cannot be "
      "computed is missing with its reason (gaps, division by zero, absent inputs).",
      "Indikatorer: formler over offisiell statistikk fra katalogen; en verdi som ikke kan "
      "beregnes, mangler med sin årsak (hull, divisjon med null, manglende inndata)." },
    { "Validation: robust z-scores (Iglewicz & Hoaglin, How to Detect and Handle Outliers, 1993); "
      "skewness and kurtosis rule |skew| > 2 and kurtosis > 3.5 and Cronbach's alpha per pillar "
      "(OECD/JRC, Handbook on Constructing Composite Indicators, 2008).",
      "Validering: robuste z-skårer (Iglewicz & Hoaglin, «How to Detect and Handle Outliers», "
      "1993); regelen |skjevhet| > 2 og kurtose > 3,5 og Cronbachs alfa per søyle (OECD/JRC, "
      "«Handbook on Constructing Composite Indicators», 2008)." },
    { "Composite index: min-max normalisation in the indicator's direction, equal weights, "
      "arithmetic aggregation of pillars and index (OECD/JRC Handbook 2008); uncertainty by Monte "
      "Carlo over methodological choices (Saisana, Saltelli & Tarantola, J. R. Stat. Soc. A 168, "
      "2005).",
      "Sammensatt indeks: min–maks-normalisering i indikatorens retning, like vekter, aritmetisk "
      "aggregering av søyler og indeks (OECD/JRC-håndboken 2008); usikkerhet ved Monte Carlo over "
      "metodevalg (Saisana, Saltelli & Tarantola, J. R. Stat. Soc. A 168, 2005)." },
    { "Forecasts: exponential smoothing state-space models (Hyndman, Koehler, Ord & Snyder, "
      "Forecasting with Exponential Smoothing, 2008), ARIMA with automatic order selection "
      "(Hyndman & Khandakar, J. Stat. Softw. 27(3), 2008), Theta as SES with drift (Hyndman & "
      "Billah, Int. J. Forecast. 19, 2003), combined with equal weights; intervals calibrated on "
      "rolling-origin errors (docs/forecast.md).",
      "Prognoser: tilstandsrommodeller for eksponentiell glatting (Hyndman, Koehler, Ord & Snyder, "
      "«Forecasting with Exponential Smoothing», 2008), ARIMA med automatisk valg av orden "
      "(Hyndman & Khandakar, J. Stat. Softw. 27(3), 2008), Theta som eksponentiell glatting med "
      "drift (Hyndman & Billah, Int. J. Forecast. 19, 2003), kombinert med like vekter; "
      "intervaller kalibrert på feil med rullerende startpunkt (docs/forecast.md)." },
    { "Drivers of change: LMDI-I index decomposition (Ang, Energy Policy 33, 2005; Ang, Energy "
      "Policy 86, 2015), zero values by the analytical limits (Ang & Liu, Energy Policy 35, "
      "2007); decoupling elasticity and classes after Tapio (Transport Policy 12, 2005).",
      "Drivkrefter bak endringen: LMDI-I-indeksdekomponering (Ang, Energy Policy 33, 2005; Ang, "
      "Energy Policy 86, 2015), nullverdier ved de analytiske grenseverdiene (Ang & Liu, Energy "
      "Policy 35, 2007); frakoblingselastisitet og -klasser etter Tapio (Transport Policy 12, "
      "2005)." },
    { "Ripple effects: Leontief input-output model with type I and II multipliers (Miller & "
      "Blair, Input-Output Analysis, 2nd ed., 2009).",
      "Ringvirkninger: Leontiefs kryssløpsmodell med multiplikatorer av type I og II (Miller & "
      "Blair, «Input-Output Analysis», 2. utg., 2009)." },
    /* renderers (report.c, svg.c) */
    { "last observed %d = %s;", "sist observert %d = %s;" },
    { "forecast %d = %s", "prognose %d = %s" },
    { "; target %s", "; mål %s" },
    { "rank interval %s-%s", "rangintervall %s–%s" },
    { "%s: %s regions x %s indicators (see the HTML report)",
      "%s: %s regioner x %s indikatorer (se HTML-rapporten)" },
    { "heatmap", "varmekart" },
    { "ranking", "rangering" },
    { "fan chart", "viftediagram" },
    { "Generated by libgreenidx %s. Every figure on this page was computed by the library from "
      "the data named in each section.",
      "Laget av libgreenidx %s. Hvert tall på denne siden er beregnet av biblioteket fra dataene "
      "som er oppgitt i hvert avsnitt." },
    { "Contents", "Innhold" },
    { "%s %% interval", "%s %%-intervall" },
    { "target path", "målbane" },
    { "rank (1 = best) with interval; score right", "rang (1 = best) med intervall; poeng til høyre" },
    { "no score", "ingen poeng" },
    { "missing", "mangler" },
    { "bar chart", "stolpediagram" },
    { "waterfall", "fossefallsdiagram" },
    { "label", "betegnelse" },
    { "bar", "søyle" },
};

#define NSTRINGS (sizeof strings / sizeof strings[0])

int gidx__lang_parse(const char *lang)
{
    if (lang == NULL || strcmp(lang, "en") == 0)
        return GIDX__LANG_EN;
    if (strcmp(lang, "nb") == 0 || strcmp(lang, "no") == 0 || strcmp(lang, "nb-NO") == 0 ||
        strcmp(lang, "nb_NO") == 0)
        return GIDX__LANG_NB;
    return -1;
}

const char *gidx__lang_code(int lang)
{
    return lang == GIDX__LANG_NB ? "nb" : "en";
}

const char *gidx__tr(int lang, const char *en)
{
    size_t i;
    if (lang != GIDX__LANG_NB || en == NULL)
        return en;
    for (i = 0; i < NSTRINGS; i++)
        if (strcmp(strings[i].en, en) == 0)
            return strings[i].nb;
    return en;
}

size_t gidx_lang_nstrings(void)
{
    return NSTRINGS;
}

const char *gidx_lang_string(size_t i, const char *lang)
{
    int l = gidx__lang_parse(lang);
    if (i >= NSTRINGS || l < 0)
        return NULL;
    return l == GIDX__LANG_NB ? strings[i].nb : strings[i].en;
}

const char *gidx_lang_text(const char *lang, const char *en)
{
    int l = gidx__lang_parse(lang);
    return gidx__tr(l < 0 ? GIDX__LANG_EN : l, en);
}

/* ------------------------------------------------------------- numbers */

/* Insert thousands separators into the integer digits of a plain number. */
static void group(char *buf, size_t n, const char *plain, const char *sep, char dec)
{
    const char *p = plain, *dot;
    size_t k = 0, digits, i, sl = strlen(sep);
    if (*p == '-') {
        if (k + 1 < n) buf[k++] = '-';
        p++;
    }
    dot = strchr(p, '.');
    digits = dot ? (size_t)(dot - p) : strlen(p);
    for (i = 0; i < digits; i++) {
        if (i > 0 && (digits - i) % 3 == 0) {
            size_t j;
            for (j = 0; j < sl && k + 1 < n; j++)
                buf[k++] = sep[j];
        }
        if (k + 1 < n) buf[k++] = p[i];
    }
    if (dot) {
        if (k + 1 < n) buf[k++] = dec;
        for (p = dot + 1; *p && k + 1 < n; p++)
            buf[k++] = *p;
    }
    buf[k] = '\0';
}

void gidx__num(char *buf, size_t n, double v, int lang, int decimals, int grouped)
{
    char plain[400];
    int auto_dec = decimals < 0;
    if (n == 0)
        return;
    if (!gidx__isfinite(v)) {
        snprintf(buf, n, "-");
        return;
    }
    if (auto_dec) {
        double a = fabs(v);
        if (a >= 1e5)
            decimals = 0;
        else if (a >= 100)
            decimals = 1;
        else if (a < 1e-12)
            decimals = 0;
        else {
            decimals = 2 - (int)floor(log10(a));
            if (decimals > 12)
                decimals = 12;
        }
    }
    if (decimals > 15)
        decimals = 15;
    snprintf(plain, sizeof plain, "%.*f", decimals, v);
    if (auto_dec && strchr(plain, '.') != NULL) {
        /* as %g: no trailing zeros */
        size_t L = strlen(plain);
        while (L > 0 && plain[L - 1] == '0')
            plain[--L] = '\0';
        if (L > 0 && plain[L - 1] == '.')
            plain[--L] = '\0';
    }
    if (strcmp(plain, "-0") == 0)
        strcpy(plain, "0");
    if (lang == GIDX__LANG_NB)
        group(buf, n, plain, grouped ? " " : "", ',');
    else
        group(buf, n, plain, grouped ? "," : "", '.');
}
