# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Indicator catalogues, indicator panels and validation reports.

Every number is computed by the C library; this layer moves data in as a
long table (region, year, variable, value) or use the embedded Telemark data and results out as
pandas DataFrames.
"""
import io
import json

import numpy as _np

from . import capi as _capi
from ._handle import Handle as _Handle
from .data import handle_of as _dataset_handle

__all__ = ["Catalog", "Formula", "Panel", "Validation", "TEXT", "CSV", "JSON"]

TEXT = _capi.GIDX_IND_TEXT
CSV = _capi.GIDX_IND_CSV
JSON = _capi.GIDX_IND_JSON


class Catalog(_Handle):
    """An indicator catalogue: the built-in default, or one read from JSON."""

    def __init__(self, handle):
        self._h = handle

    @classmethod
    def default(cls):
        """The built-in default catalogue (data/catalog/default.json)."""
        return cls(_capi.gidx_catalog_default())

    @classmethod
    def load(cls, path):
        """Load and check a JSON catalogue file."""
        return cls(_capi.gidx_catalog_load_json(str(path)))

    @classmethod
    def from_json(cls, text):
        """Parse and check a JSON catalogue given as text."""
        return cls(_capi.gidx_py_catalog_parse(text))

    def to_json(self):
        """The canonical JSON text (reads back to an identical catalogue)."""
        return _capi.gidx_py_catalog_render(self._h, JSON)

    def save(self, path):
        """Write the canonical JSON to ``path`` atomically."""
        _capi.gidx_catalog_save_json(self._h, str(path))

    def set_formula(self, indicator, formula):
        """Replace an indicator's formula (checked: syntax, names, cycles)."""
        _capi.gidx_catalog_set_formula(self._h, indicator, formula)

    def __len__(self):
        return _capi.gidx_catalog_count(self._h)

    @property
    def name(self):
        return _capi.gidx_catalog_name(self._h)

    def to_frame(self):
        """One row per indicator: id, names, pillar, direction, unit, target, source, formula."""
        import pandas as pd
        return pd.read_csv(io.StringIO(_capi.gidx_py_catalog_render(self._h, CSV)),
                           dtype=str, keep_default_na=False)

    def indicators(self):
        """The indicator definitions as a list of dicts (from the canonical JSON)."""
        return json.loads(self.to_json())["indicators"]

    def targets(self):
        """The named target records as a dict of dicts."""
        return {t["name"]: t for t in json.loads(self.to_json())["targets"]}

    def __str__(self):
        return _capi.gidx_py_catalog_render(self._h, TEXT)


def _columns(data):
    """A DataFrame with columns region, year, variable, value as the
    arguments of the columnar panel constructor: names joined by newlines,
    integer codes, years and values as numpy arrays (no text round trip)."""
    import pandas as pd
    for c in ("region", "year", "variable", "value"):
        if c not in data.columns:
            raise KeyError("data needs a column %r" % c)
    rcodes, rnames = pd.factorize(data["region"].astype(str), sort=False)
    vcodes, vnames = pd.factorize(data["variable"].astype(str), sort=False)
    for kind, names in (("region", rnames), ("variable", vnames)):
        if any("\n" in x for x in names):
            raise ValueError("a %s name contains a newline" % kind)
    from ._convert import years_of
    years = years_of(data["year"])
    return ("\n".join(rnames), len(rnames), _np.ascontiguousarray(rcodes, dtype=_np.intc),
            _np.ascontiguousarray(years, dtype=_np.intc), "\n".join(vnames), len(vnames),
            _np.ascontiguousarray(vcodes, dtype=_np.intc),
            _np.ascontiguousarray(data["value"], dtype=_np.float64))


def _names(x):
    """One name (a str) or any sequence of names, as a list of str: a str is
    never taken for the sequence of its letters."""
    if isinstance(x, (str, bytes)) or _np.isscalar(x):
        return [x.decode() if isinstance(x, bytes) else str(x)]
    return [str(v) for v in x]


class Panel(_Handle):
    """An indicator panel: every indicator of a catalogue for every region and year.

    ``data`` is a :class:`greenidx.Dataset`, or a pandas DataFrame in long
    layout: region, year, variable, value (other columns are ignored);
    ``None`` means the embedded Telemark data (17 municipalities and the
    county 40).
    """

    def __init__(self, catalog, data=None):
        from .data import Dataset
        self.catalog = catalog  # the panel reads the catalogue: keep it alive
        if data is None:
            self._h = _capi.gidx_py_panel_new(catalog._h, None)
        elif isinstance(data, Dataset):
            self.data = data  # and the dataset
            self._h = _capi.gidx_panel_new(catalog._h, data._h())
        else:
            self._h = _capi.gidx_py_panel_new_columns(catalog._h, *_columns(data))

    @property
    def nmissing(self):
        return _capi.gidx_panel_nmissing(self._h)

    def to_frame(self, region=None):
        """Long DataFrame region_code, region_name, year, indicator, value, reason.

        ``region`` (a code or a name, case-insensitive; or any sequence of
        them) keeps those regions; one not in the data raises NotFoundError.
        """
        import pandas as pd
        codes, names, years, ids = [], [], [], []
        for line in _capi.gidx_py_panel_axes(self._h).split("\n")[:-1]:
            f = line.split("\t")
            if f[0] == "R":
                codes.append(f[1])
                names.append(f[2])
            elif f[0] == "Y":
                years.append(int(f[1]))
            else:
                ids.append(f[1])
        nr, ny, ni = len(codes), len(years), len(ids)
        values, reasons = _capi.gidx_py_panel_values(nr * ny * ni, self._h)
        reasons = reasons.split("\n")[:-1]
        df = pd.DataFrame({
            "region_code": _np.repeat(_np.array(codes, dtype=object), ny * ni),
            "region_name": _np.repeat(_np.array(names, dtype=object), ny * ni),
            "year": _np.tile(_np.repeat(_np.array(years, dtype=_np.int64), ni), nr),
            "indicator": _np.tile(_np.array(ids, dtype=object), nr * ny),
            "value": values,
            "reason": [r if r else None for r in reasons]})
        if region is not None:
            from ._errors import NotFoundError
            wanted = _names(region)
            keep = _np.zeros(len(df), dtype=bool)
            for r in wanted:
                one = ((df["region_code"] == r) | (df["region_name"].str.lower() == r.lower())).to_numpy()
                if not one.any():
                    raise NotFoundError('region "%s" is not in the data (by code or name)' % r, -6)
                keep |= one
            df = df[keep].reset_index(drop=True)
        return df

    def to_csv(self, region=None):
        """CSV text: region_code,region_name,year,indicator,value."""
        return _capi.gidx_py_panel_render(self._h, CSV, region)

    def validate(self, z_threshold=3.5, skew_limit=2.0, kurt_limit=3.5, r_limit=0.9,
                 sum_tolerance=0.005):
        """The validation report of this panel (see :class:`Validation`)."""
        return Validation(_capi.gidx_py_validation_new(self._h, z_threshold, skew_limit,
                                                       kurt_limit, r_limit, sum_tolerance))


class Formula(_Handle):
    """One indicator formula (wraps ``gidx_formula``), e.g.
    ``Formula("100 * (ghg_total / base(ghg_total, 2009) - 1)")``: the
    language of the catalogue (docs/indicators.md), evaluated on a
    :class:`greenidx.Dataset`. A syntax error raises ``ParseError`` naming
    the column."""

    def __init__(self, text):
        self._h = _capi.gidx_formula_parse(str(text))

    @property
    def text(self):
        return _capi.gidx_formula_text(self._h)

    @property
    def variables(self):
        """The variables the formula reads, in order of first use."""
        return [_capi.gidx_formula_variable(self._h, i)
                for i in range(_capi.gidx_formula_nvariables(self._h))]

    def evaluate(self, data, region, year):
        """``(value, reason)`` for one region and year; a missing value is
        NaN with the reason ("population missing for 4003 2011"), else the
        reason is None."""
        v, why = _capi.gidx_py_formula_eval(self._h, _dataset_handle(data), str(region), int(year))
        return v, (why or None)

    def to_frame(self, data):
        """The formula for every region and year of ``data``: a DataFrame
        with columns region, year, value and reason."""
        import pandas as pd
        h = _dataset_handle(data)
        regions = [_capi.gidx_dataset_region(h, i) for i in range(_capi.gidx_dataset_nregions(h))]
        years = [_capi.gidx_dataset_year(h, i) for i in range(_capi.gidx_dataset_nyears(h))]
        values, reasons = _capi.gidx_py_formula_grid(len(regions) * len(years), self._h, h)
        reasons = reasons.split("\n")[:-1]
        return pd.DataFrame({"region": _np.repeat(_np.array(regions, dtype=object), len(years)),
                             "year": _np.tile(_np.array(years, dtype=_np.int64), len(regions)),
                             "value": values, "reason": [r if r else None for r in reasons]})

    def __str__(self):
        return self.text


class Validation(_Handle):
    """Validation report: coverage, gaps, outliers, skew, sums, redundancy, alpha."""

    def __init__(self, handle):
        self._h = handle

    def __len__(self):
        return _capi.gidx_validation_nfindings(self._h)

    def findings(self):
        """DataFrame of findings: check, indicator, region, year, value, message."""
        import pandas as pd
        return pd.DataFrame(json.loads(self.to_json())["findings"],
                            columns=["check", "indicator", "region", "year", "value", "message"])

    def alpha(self, pillar, standardized=False):
        """Cronbach's alpha of a pillar (NaN when it cannot be computed); on raw
        values, or with ``standardized=True`` on z-scored indicators."""
        return _capi.gidx_py_validation_alpha(self._h, pillar, int(bool(standardized)))

    def to_json(self):
        return _capi.gidx_py_validation_render(self._h, JSON)

    def to_csv(self):
        return _capi.gidx_py_validation_render(self._h, CSV)

    def __str__(self):
        return _capi.gidx_py_validation_render(self._h, TEXT)
