"""The publishers' release files in data/raw/official/releases/, read by code, edition by edition.

Every file has one provenance record in ``provenance.csv`` there (publisher, original URL, edition, where the copy
came from, sha256, licence); its ``format`` names the parser below. A parser turns a release into tidy rows that
carry the edition, file, sheet and cell of every value. A file whose sha256 differs from its record, a workbook
that cannot be opened, a missing sheet, row label or column, or a changed column layout is refused with the file,
sheet and cell. Suppression markers (``[x]``, ``[c]``, ``..``) are read as not available, never as 0. A new edition
is a new file and a new record: no code changes.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .. import paths
from .read import DataValidationError, display, read_csv_rows
from .validate import read_validated, schema_for

FOLDER = paths.RAW / "official" / "releases"
PROVENANCE = "provenance.csv"
MARKERS = {"[x]", "[c]", "[z]", "[u]", "..", ":"}  # not available / suppressed / not applicable: never 0
TIER = "official_secondary"  # the publisher's own file, through a public copy
COLUMNS = [
    "edition", "edition_end", "published", "publisher", "file", "sheet", "cell", "series", "breakdown", "period",
    "period_type", "geography", "value", "status", "unit", "tier", "source_url",
]  # fmt: skip

# ONS Crime in England and Wales: Appendix tables (police recorded crime by offence, England and Wales)
ONS_TITLE = "police recorded crime by offence"
ONS_OFFENCES = {  # offence code: (label the row must start with, series)
    "106": ("modern slavery", "police_recorded_ms_offences"),
    "72": ("trafficking for sexual exploitation", "trafficking_sexual_exploitation_offences"),
}
ONS_PERIOD = re.compile(r"([A-Z][a-z]{2}) (\d{4}) to ([A-Z][a-z]{2}) (\d{4})")
MONTH_NAMES = {m[:3]: m for m in calendar.month_name if m}


def _normal(text: object) -> str:
    return " ".join(str(text or "").split())


def _refuse(where: str, problem: str) -> DataValidationError:
    return DataValidationError([f"{where}: {problem}"])


def _value(cell: object, where: str) -> tuple[float | None, str]:
    """A count and its status: ('value'), or None and the suppression marker the release prints."""
    if isinstance(cell, bool) or cell is None:
        raise _refuse(where, f"{cell!r} is neither a number nor a suppression marker {sorted(MARKERS)}")
    if isinstance(cell, int | float):
        return float(cell), "value"
    text = str(cell).strip()
    if text in MARKERS:
        return None, text
    try:
        return float(text.replace(",", "")), "value"
    except ValueError:
        raise _refuse(where, f"{text!r} is neither a number nor a suppression marker {sorted(MARKERS)}") from None


def _ons_period(header: object) -> tuple[str, str] | None:
    """'Apr 2015 to Mar 2016' as ('2015/16', 'financial_year'); 'Jul 2023 to Jun 2024' as ('year ending June
    2024', 'rolling_year'); None for a percentage-change column."""
    text = _normal(header)
    if m := ONS_PERIOD.fullmatch(text):
        first, y0, last, y1 = m[1], int(m[2]), m[3], int(m[4])
        if first not in MONTH_NAMES or last not in MONTH_NAMES or y1 - y0 not in (0, 1):
            return None
        if (first, last) == ("Apr", "Mar"):
            return f"{y0}/{str(y1)[2:]}", "financial_year"
        return f"year ending {MONTH_NAMES[last]} {y1}", "rolling_year"
    return None


class _ValuesReader(ExcelReader):
    """Cell values only: skips the stylesheet, which some editions make huge (8 MB, 33,000 named styles) and which
    values do not need (no date cells are read)."""

    def read(self) -> None:
        self.read_manifest()
        self.read_strings()
        self.read_workbook()
        self.read_worksheets()


def open_workbook(path: Path):
    """The workbook, read only, values only; refused with the file name if it is not a valid .xlsx."""
    try:
        reader = _ValuesReader(path, read_only=True, data_only=True)
        reader.read()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _refuse(display(path), f"not a valid .xlsx workbook ({type(exc).__name__}: {exc})") from exc
    return reader.wb


def _ons_sheet(book, name: str):
    """The sheet of police recorded crime by offence: the one whose title (cell A1) says so."""
    found = [ws for ws in book.worksheets if ONS_TITLE in _normal(ws["A1"].value).lower()]
    if not found:
        raise _refuse(name, f"no sheet titled '{ONS_TITLE}' in cell A1 (sheets: {book.sheetnames})")
    return found[0]


def parse_ons_appendix_tables(path: Path) -> Iterator[dict]:
    """Rows of offence codes 106 and 72, every financial and rolling year, from the appendix tables workbook."""
    name = display(path)
    book = open_workbook(path)
    try:
        ws = _ons_sheet(book, name)
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    where = f"{name}, sheet {ws.title.strip()!r}"
    header_at = next((i for i, r in enumerate(grid[:30]) if r and _normal(r[0]).lower() == "offence code"), None)
    if header_at is None:
        raise _refuse(where, "no header row with 'Offence code' in column A (rows 1-30): changed layout")
    header = grid[header_at]
    if len(header) < 3 or _normal(header[1]).lower() != "offence category":
        raise _refuse(
            f"{where}, cell B{header_at + 1}",
            f"{header[1] if len(header) > 1 else None!r} is not 'Offence category': changed column layout",
        )
    columns = {}
    for j, title in enumerate(header[2:], start=2):
        text = _normal(title)
        if not text or "change" in text.lower():
            continue
        period = _ons_period(text)
        if period is None:
            raise _refuse(
                f"{where}, cell {get_column_letter(j + 1)}{header_at + 1}",
                f"column header {text!r} is not a period 'Mon YYYY to Mon YYYY': changed column layout",
            )
        columns[j] = period
    if not any(kind == "financial_year" for _, kind in columns.values()):
        raise _refuse(f"{where}, row {header_at + 1}", "no financial-year column ('Apr YYYY to Mar YYYY')")
    codes = {_normal(r[0]): i for i, r in enumerate(grid) if i > header_at and r and r[0] is not None}
    for code, (label, series) in ONS_OFFENCES.items():
        if code not in codes:
            raise _refuse(where, f"no row with offence code {code} ({label}) in column A")
        i = codes[code]
        if not _normal(grid[i][1]).lower().startswith(label):
            raise _refuse(f"{where}, cell B{i + 1}", f"offence code {code} is labelled {grid[i][1]!r}, not {label!r}")
        for j, (period, kind) in columns.items():
            cell = f"{get_column_letter(j + 1)}{i + 1}"
            value, status = _value(grid[i][j] if j < len(grid[i]) else None, f"{where}, cell {cell}")
            yield {
                "sheet": ws.title.strip(),
                "cell": cell,
                "series": series,
                "breakdown": "total",
                "period": period,
                "period_type": kind,
                "geography": "England and Wales",
                "value": value,
                "status": status,
            }


def _csv_rows(path: Path, columns: list[str]) -> Iterator[tuple[int, dict]]:
    header, body = read_csv_rows(path)
    if header != columns:
        raise _refuse(f"{display(path)}, line 1", f"columns {header} are not {columns}: changed column layout")
    for line, row in body:
        yield line, dict(zip(header, row, strict=True))


AGES = {"Adult (18 or over)": "adult", "Child (17 or under)": "child", "Age not specified or unknown": "not_known"}
LOCATIONS = {
    "UK": "uk",
    "Overseas": "overseas",
    "UK and Overseas": "uk_and_overseas",
    "Not specified or unknown": "not_known",
    "Total": None,
}


def _label(table: dict[str, str | None], text: str, where: str, column: str) -> str | None:
    if text not in table:
        raise _refuse(f"{where}, column {column!r}", f"{text!r} is not one of {sorted(table)}")
    return table[text]


def _quarter(row: dict, where: str, annual: str | None = None) -> str:
    """'Q2 2009' from the Year and Quarter columns ('2015' for the annual label); refused if neither."""
    if not re.fullmatch(r"\d{4}", row["Year"]):
        raise _refuse(f"{where}, column 'Year'", f"{row['Year']!r} is not a year")
    if row["Quarter"] == annual:
        return row["Year"]
    if not re.fullmatch(r"Q[1-4]", row["Quarter"]):
        raise _refuse(
            f"{where}, column 'Quarter'", f"{row['Quarter']!r} is not Q1..Q4" + (f" or {annual}" if annual else "")
        )
    return f"{row['Quarter']} {row['Year']}"


def parse_nrm_referrals_long(path: Path) -> Iterator[dict]:
    """Quarterly NRM referrals by age at exploitation and location of exploitation (UK)."""
    columns = ["Year", "Quarter", "Age at exploitation", "Location of exploitation", "NRM referrals"]
    for line, row in _csv_rows(path, columns):
        where = f"{display(path)}, line {line}"
        age = _label(AGES, row["Age at exploitation"], where, "Age at exploitation")
        location = _label(LOCATIONS, row["Location of exploitation"], where, "Location of exploitation")
        value, status = _value(row["NRM referrals"], f"{where}, column 'NRM referrals'")
        yield {
            "sheet": "",
            "cell": f"line {line}",
            "series": "nrm_referrals",
            "breakdown": f"age={age}" + (f";location={location}" if location else ""),
            "period": _quarter(row, where),
            "period_type": "quarter",
            "geography": "UK",
            "value": value,
            "status": status,
        }


def parse_nrm_duty_to_notify_long(path: Path) -> Iterator[dict]:
    """Duty to Notify reports by quarter, and the release's own totals by calendar year (the duty began in
    November 2015)."""
    for line, row in _csv_rows(path, ["Year", "Quarter", "Total"]):
        where = f"{display(path)}, line {line}"
        period = _quarter(row, where, annual="Total")
        value, status = _value(row["Total"], f"{where}, column 'Total'")
        yield {
            "sheet": "",
            "cell": f"line {line}",
            "series": "dtn_reports",
            "breakdown": "total",
            "period": period,
            "period_type": "calendar_year" if period == row["Year"] else "quarter",
            "geography": "UK",
            "value": value,
            "status": status,
        }


PARSERS: dict[str, Callable[[Path], Iterator[dict]]] = {
    "ons_appendix_tables": parse_ons_appendix_tables,
    "nrm_referrals_long": parse_nrm_referrals_long,
    "nrm_duty_to_notify_long": parse_nrm_duty_to_notify_long,
}


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_provenance(folder: Path = FOLDER) -> pd.DataFrame:
    """The provenance records, validated; every file in the folder has one, every record has its file, and
    every file's sha256 is its record's."""
    records = read_validated(folder / PROVENANCE, schema_for(FOLDER / PROVENANCE))
    lines = records.attrs["lines"]
    name = display(folder / PROVENANCE)
    listed = set(records["file"])
    problems = [
        f"{display(f)}: no provenance record in {name}"
        for f in sorted(folder.iterdir())
        if f.is_file() and f.name != PROVENANCE and f.name not in listed
    ]
    for i, record in records.iterrows():
        path = folder / record["file"]
        where = f"{name}, line {lines[i]}"
        if not path.is_file():
            problems.append(f"{where}, column 'file': {record['file']!r} is not in {display(folder)}")
        elif (digest := sha256(path)) != record["sha256"]:
            problems.append(f"{display(path)}: sha256 {digest} differs from its record ({where}, column 'sha256')")
    if problems:
        raise DataValidationError(problems)
    return records


def _year_sums(rows: pd.DataFrame) -> pd.DataFrame:
    """NRM referrals by calendar year, computed here from the release's quarters: by age (every location) and
    over all ages, for the years the release gives all four quarters of; the cells summed are named."""
    quarters = rows[(rows["series"] == "nrm_referrals") & ~rows["breakdown"].str.contains("location=", regex=False)]
    quarters = quarters.assign(year=quarters["period"].str[-4:])
    out = []
    for breakdown, wanted in [(None, 12), *((b, 4) for b in sorted(quarters["breakdown"].unique()))]:
        picked = quarters if breakdown is None else quarters[quarters["breakdown"] == breakdown]
        for year, cells in picked.groupby("year"):
            if len(cells) != wanted or cells["value"].isna().any():
                continue
            out.append({
                **cells.iloc[0].to_dict(),
                "cell": "sum of " + ", ".join(cells["cell"]),
                "breakdown": breakdown or "total",
                "period": year,
                "period_type": "calendar_year",
                "value": float(cells["value"].sum()),
                "status": "computed",
                "tier": "computed",
            })  # fmt: skip
    return pd.DataFrame(out, columns=rows.columns)


def load_releases(folder: Path = FOLDER) -> pd.DataFrame:
    """Every value of every release file, one tidy row each, with edition, file, sheet and cell (and the sums of
    quarters computed here, tier `computed`); editions in order (oldest first)."""
    frames = []
    for _, record in load_provenance(folder).sort_values(["edition_end", "file"]).iterrows():
        rows = pd.DataFrame(list(PARSERS[record["format"]](folder / record["file"])))
        if rows.empty:
            raise _refuse(display(folder / record["file"]), "no values read")
        for column in ("edition", "edition_end", "published", "publisher", "file"):
            rows[column] = record[column]
        rows = rows.assign(unit="count", tier=TIER, source_url=record["original_url"])[COLUMNS]
        frames.extend([rows, _year_sums(rows)])
    return pd.concat([f for f in frames if not f.empty], ignore_index=True)
