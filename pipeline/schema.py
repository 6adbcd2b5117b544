"""The output contract, declared once: every table, its columns, their types and meanings, and keys.

Everything else derives from :data:`TABLES`: the row builders' checks (:func:`check_row`, used by
``pipeline.tables``), the pandas dtypes, the Parquet schema (``pipeline.writers``), the README's
column tables (checked by ``tests/test_schema.py``) and ``datapackage.json``
(``pipeline.datapackage``).

Column types are Frictionless Table Schema types: ``string`` (codes, ids and text), ``integer``
(years, areas, pages, lines, counts), ``number`` (scores as printed), ``date`` and ``boolean``.
A ``required`` column is never empty; the others may be.

How to add a column:
  1. append a ``Column(...)`` at the end of its table below (the contract: never reorder or rename);
  2. emit the key in the table's row builder in ``pipeline/tables.py`` (a row with a missing or an
     unknown key raises :class:`SchemaError` naming the table and the key);
  3. run ``.venv/bin/python -m pipeline.schema`` and paste the printed block of the table into
     README.md between its ``<!-- columns: NAME -->`` markers (a test fails until they agree).

How to add a table:
  1. append a ``Table(...)`` to :data:`TABLES` with its columns, primary key and foreign keys;
  2. add its row builder to ``ROW_BUILDERS`` in ``pipeline/tables.py`` (or build it in
     ``build_tables`` if it spans the batch, like ``coverage``);
  3. add a README section ``### `NAME`: <description>`` with the printed block.
Parquet types, ``datapackage.json`` and the checks follow by themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["string", "integer", "number", "date", "boolean"]

# The pandas dtype each type is held in; dates stay ``datetime.date`` objects so CSV shows ISO dates.
PANDAS_DTYPES: dict[str, str] = {
    "string": "string", "integer": "Int64", "number": "Float64", "date": "object", "boolean": "boolean",
}  # fmt: skip


class SchemaError(ValueError):
    """A row or table does not match the declared contract (a programming error, not bad input)."""


@dataclass(frozen=True)
class Column:
    """One column: its name, type, what it means, and whether it may be empty."""

    name: str
    type: ColumnType
    meaning: str
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """``column`` of this table refers to ``column`` of ``table``."""

    column: str
    table: str


REPORT = ForeignKey("report_id", "reports")


@dataclass(frozen=True)
class Table:
    """One output table: its rows' meaning, its columns in contract order, and its keys.

    ``primary_key`` names columns whose values together identify a row; ``page`` may take part
    although it is empty for text input, where ``line`` alone is unique within the file.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise SchemaError(f"table {self.name!r} has no column {name!r}")


def _report_id() -> Column:
    return Column("report_id", "string", "the report (see Common columns)", required=True)


def _code(meaning: str = "official four-digit municipality code (SCB); empty if not recognized") -> Column:
    return Column("municipality_code", "string", meaning)


def _where(first: str = "") -> tuple[Column, Column]:
    prefix = f"{first}_" if first else ""
    what = "first named" if first else "found"
    page = f"PDF page where it was {what} (1-based; empty for text input)"
    line = f"line within the page (or the file, for text) where it was {what}"
    return Column(f"{prefix}page", "integer", page), Column(f"{prefix}line", "integer", line)


TABLES: tuple[Table, ...] = (
    Table("reports", "one row per input file", (
        Column("report_id", "string", "stable identifier (see Common columns)", required=True),
        Column("source_file", "string", "the path as given on the command line or found in a folder",
               required=True),
        Column("sha256", "string", "SHA-256 of the file's bytes (empty if they could not be read)"),
        Column("input_format", "string", "`text` or `pdf`", required=True),
        Column("pages", "integer", "number of PDF pages (empty for text)"),
        Column("municipality", "string",
               "the evaluated municipality, official short name (\"Umeå\"); as printed if unknown"),
        _code("official four-digit SCB code (\"2480\"); empty if the name matches no municipality"),
        Column("year", "integer",
               "year of the evaluation (from the evaluation dates; else the newest year of the summary "
               "table)"),
        Column("evaluation_start", "date",
               "first day of the evaluation (\"19-21 september 2007\" gives 2007-09-19)"),
        Column("evaluation_end", "date", "last day of the evaluation (2007-09-21 in the same example)"),
        Column("framework", "string",
               "the edition of the tool the report is checked against (`kk2002-rev2007`); "
               "empty if none covers the year"),
        Column("evaluators", "string",
               "\"Name (Organisation)\" for each evaluator named on the title page, joined by \"; \""),
        Column("status", "string", "`ok`, or `failed`", required=True),
        Column("error", "string", "why a file failed (empty when ok)"),
    ), primary_key=("report_id",)),
    Table("area_scores", "each area's total per evaluation year, from the summary table", (
        _report_id(),
        _code(),
        Column("year", "integer",
               "the evaluation year of the column (a report repeats earlier evaluations' totals)",
               required=True),
        Column("area", "integer", "area number 1-8", required=True),
        Column("area_name", "string",
               "the area's name in the edition of the tool (the same for every report)"),
        Column("score", "number", "the total as printed"),
        Column("printed_name", "string", "the area's name as the summary table prints it"),
        *_where(),
    ), primary_key=("report_id", "year", "area"), foreign_keys=(REPORT,)),
    Table("year_totals", "the TOTALT row of the summary table", (
        _report_id(),
        _code(),
        Column("year", "integer", "the evaluation year of the column", required=True),
        Column("total", "number", "the TOTALT as printed"),
        *_where(),
    ), primary_key=("report_id", "year"), foreign_keys=(REPORT,)),
    Table("question_scores", "the detailed score table", (
        _report_id(),
        _code(),
        Column("year", "integer", "the report's evaluation year"),
        Column("area", "integer", "area number 1-8", required=True),
        Column("question_id", "string", "sub-question id as printed (\"2.1\")", required=True),
        Column("question", "string", "the sub-question's wording in the score table"),
        Column("max_score", "number", "max points as printed"),
        Column("score", "number",
               "own points as printed (may exceed the max: that is an issue, not corrected)"),
        *_where(),
    ), primary_key=("report_id", "question_id", "page", "line"), foreign_keys=(REPORT,)),
    Table("issues", "what the validator found", (
        _report_id(),
        Column("rule", "string", "the rule's name (see Validation rules)", required=True),
        Column("severity", "string",
               "`error` (the report contradicts itself), `warning` (something is missing or unusual), `info`",
               required=True),
        Column("area", "integer", "the area the finding concerns, where it applies"),
        Column("question_id", "string", "the sub-question the finding concerns, where it applies"),
        Column("year", "integer", "the evaluation year the finding concerns, where it applies"),
        Column("expected", "string",
               "what the other figures imply (for sums: the sum of the parts), as text"),
        Column("found", "string", "what is printed at the location, as text"),
        Column("message", "string", "the finding in a sentence", required=True),
        Column("page", "integer", "PDF page of the printed value (1-based; empty for text input)"),
        Column("line", "integer", "line of the printed value within the page (or the file, for text)"),
    ), foreign_keys=(REPORT,)),
    Table("observations", "strengths and improvement areas", (
        _report_id(),
        Column("area", "integer", "area number 1-8 (from the section heading)", required=True),
        Column("kind", "string", "`strength` or `improvement`", required=True),
        Column("position", "integer", "1, 2, … within the area and kind", required=True),
        Column("text", "string",
               "the item as printed, without bold/italic markup, wrapped lines joined, "
               "a word broken by a PDF line-end hyphen joined whole"),
        Column("page", "integer", "PDF page of the item's first line (1-based; empty for text input)"),
        Column("line", "integer", "line of the item's first line within the page (or the file, for text)"),
    ), primary_key=("report_id", "area", "kind", "position"), foreign_keys=(REPORT,)),
    Table("claims", "what each area section claims in prose", (
        _report_id(),
        Column("area", "integer", "area number 1-8", required=True),
        Column("claimed_score", "number",
               "the score claimed (\"84,5 poäng\"); digits with decimal commas or Swedish number words"),
        Column("claimed_change", "number",
               "the change claimed, negative for a decline (\"en poäng mindre\", \"försämring\"), 0 for "
               "\"ett likvärdigt resultat\" / \"samma resultat\" / \"oförändrat\"; "
               "empty when none is claimed"),
        Column("compared_with_year", "integer",
               "the year the change is measured from: a year named with the change (\"i förhållande till "
               "utvärderingen 2005\", \"2005 års utvärdering\"), else the evaluation year before the report "
               "year in the summary table (\"föregående/förra utvärdering\", or no year named)"),
        Column("sentence", "string",
               "the claim's sentence(s) as printed, from the score sentence to the sentence holding the "
               "change (one of the next two sentences at most)"),
        Column("page", "integer", "PDF page where the score sentence starts (1-based; empty for text input)"),
        Column("line", "integer", "line where the score sentence starts, within the page (or the file)"),
    ), primary_key=("report_id", "area", "page", "line"), foreign_keys=(REPORT,)),
    Table("evaluations", "the list of evaluated municipalities", (
        _report_id(),
        Column("entry", "string", "the entry as printed, without its years (\"Lundby - Göteborgs Stad\")"),
        Column("municipality", "string", "official name of the municipality (for a district: its city)"),
        _code("official four-digit code (SCB), empty if the name is not recognized"),
        Column("district", "string",
               "the district for a city-district entry (\"Bromma\", \"Lundby\", \"Hyllie\"), else empty"),
        Column("year", "integer", "the evaluation year; empty when the entry has none (one row)"),
        Column("page", "integer", "PDF page where the entry is printed (1-based; empty for text input)"),
        Column("line", "integer", "line where the entry is printed, within the page (or the file)"),
    ), primary_key=("report_id", "page", "line", "entry", "year"), foreign_keys=(REPORT,)),
    Table("mentions", "every Swedish municipality the report names", (
        _report_id(),
        Column("municipality", "string", "official name", required=True),
        Column("municipality_code", "string", "official four-digit code (SCB)", required=True),
        Column("count", "integer", "occurrences, all forms together", required=True),
        *_where("first"),
        Column("is_subject", "boolean", "true for the report's own municipality", required=True),
    ), primary_key=("report_id", "municipality_code"), foreign_keys=(REPORT,)),
    Table("coverage", "the archive's index, across the batch", (
        Column("municipality", "string", "the evaluated municipality (for a district: its city)"),
        Column("municipality_code", "string", "its official four-digit code (SCB)", required=True),
        Column("district", "string", "the district for a city-district evaluation (\"Bromma\"), else empty"),
        Column("year", "integer",
               "the evaluation year (list entries without a year cannot be placed and are left out)",
               required=True),
        Column("listed_by", "integer", "how many reports of the batch list this evaluation", required=True),
        Column("report_id", "string", "the digitized report of this evaluation, if the batch has it"),
        Column("status", "string",
               "`digitized` (a report of the batch evaluates this municipality in this year) or `missing`",
               required=True),
    ), primary_key=("municipality_code", "district", "year"), foreign_keys=(REPORT,)),
)  # fmt: skip

TABLES_BY_NAME: Mapping[str, Table] = {table.name: table for table in TABLES}


def table(name: str) -> Table:
    """The declared table ``name``; :class:`SchemaError` if there is none."""
    try:
        return TABLES_BY_NAME[name]
    except KeyError:
        raise SchemaError(f"no output table is declared as {name!r}") from None


def pandas_dtypes(name: str) -> dict[str, str]:
    """Column name -> pandas dtype, in contract order, for table ``name``."""
    return {c.name: PANDAS_DTYPES[c.type] for c in table(name).columns}


def check_row(declared: Table, row: Mapping[str, Any]) -> None:
    """Raise :class:`SchemaError` naming the table and key when ``row`` does not fit ``declared``.

    A key the table does not declare, a declared column the row lacks, and an empty value in a
    required column all fail, so a misspelt key in a row builder can never pass silently.
    """
    names = declared.column_names
    if len(row) != len(names) or row.keys() != set(names):
        unknown = sorted(set(row) - set(names))
        missing = [name for name in names if name not in row]
        raise SchemaError(
            f"table {declared.name!r}: row has unknown key(s) {unknown} and lacks column(s) {missing}"
        )
    for column in declared.columns:
        if column.required and row[column.name] in (None, ""):
            raise SchemaError(f"table {declared.name!r}: required column {column.name!r} is empty")


def _check_declarations() -> None:
    """Keys must name declared columns and tables; run at import so a typo fails every test."""
    for declared in TABLES:
        if len(set(declared.column_names)) != len(declared.columns):
            raise SchemaError(f"table {declared.name!r} declares a column twice")
        for name in declared.primary_key:
            declared.column(name)
        for key in declared.foreign_keys:
            declared.column(key.column)
            table(key.table).column(key.column)


_check_declarations()


def markdown_columns(declared: Table) -> str:
    """The README's column table of ``declared``, between its markers."""
    lines = [f"<!-- columns: {declared.name} -->", "| column | type | meaning |", "| --- | --- | --- |"]
    for column in declared.columns:
        kind = f"{column.type}, never empty" if column.required else column.type
        lines.append(f"| {column.name} | {kind} | {column.meaning.replace('|', '&#124;')} |")
    lines.append("<!-- end columns -->")
    return "\n".join(lines)


if __name__ == "__main__":
    # Prints the README's column tables, to paste between the markers after changing a declaration.
    print("\n\n".join(f"### `{t.name}`: {t.description}\n\n{markdown_columns(t)}" for t in TABLES))
