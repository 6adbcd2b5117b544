"""Rules on the list of evaluated municipalities and on what the prose says about municipalities.

All are warnings: the list is boilerplate copied from report to report, and what it gets wrong
is worth an auditor's look but does not make the report's scores wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.editions.edition import Edition
from pipeline.model.records import Evaluation, Extraction, Finding, Severity
from pipeline.validation.rule import Check, Rule, check
from pipeline.validation.scores import report_year

# SKL (then Svenska Kommunförbundet) took the tool into use in 2002; a report usually says so
# ("har använt Kommunkompassen som utvärderingsinstrument sedan 2002") and its own year wins.
DEFAULT_TOOL_SINCE = 2002


def _years_text(years: set[int]) -> str:
    return ", ".join(str(year) for year in sorted(years)) or "none"


EVALUATION_BEFORE_TOOL = Rule(
    "evaluation_before_tool", Severity.WARNING,
    "The list of evaluated municipalities gives {entry} the year {found}, before SKL started "
    "using the tool in {since}.",
    concerns=("year",),
    fires_when="a listed evaluation year is before SKL started using the tool: the year the report "
    "gives (\"… har använt Kommunkompassen … sedan 2002\"), else 2002",
)  # fmt: skip


def evaluation_before_tool(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    listing = extraction.evaluation_list
    since = listing.tool_since if listing and listing.tool_since else DEFAULT_TOOL_SINCE
    for e in extraction.evaluations:
        if e.year is not None and e.year < since:
            yield EVALUATION_BEFORE_TOOL.finding(
                year=e.year, expected=f"{since} or later", found=str(e.year), page=e.page, line=e.line,
                entry=e.entry, since=since,
            )  # fmt: skip


EVALUATION_YEAR_MISSING = Rule(
    "evaluation_year_missing", Severity.WARNING,
    "The list of evaluated municipalities gives no year for {found}.",
    concerns=(),
    fires_when="an entry of the list of evaluated municipalities has no year (\"Hyllie\"), and its line "
    "shows none cut off (else `evaluation_year_unread`)",
)  # fmt: skip


EVALUATION_YEAR_UNREAD = Rule(
    "evaluation_year_unread", Severity.WARNING,
    "The list of evaluated municipalities prints a year for {found} that was not read: {how} "
    "(\"{printed}\").",
    concerns=(),
    fires_when="an entry of the list of evaluated municipalities was read without a year where its "
    "line shows one was printed: its years in parentheses cut short at the line's end (\"Kiruna (2005,\"), "
    "or a wide gap and another column's words right after its name (a page's two columns run together "
    "on one line)",
    loses_content=True,
)  # fmt: skip


def evaluation_year_missing(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    """An entry without a year: printed so, or, where its line shows a year was printed, not read."""
    unread = {(u.entry, u.page, u.line): u for u in extraction.unread_years}
    for e in extraction.evaluations:
        if e.year is None and (cut := unread.get((e.entry, e.page, e.line))) is not None:
            yield EVALUATION_YEAR_UNREAD.finding(
                expected="its years", found=e.entry, page=e.page, line=e.line, how=cut.how,
                printed=cut.printed,
            )  # fmt: skip
        elif e.year is None:
            yield EVALUATION_YEAR_MISSING.finding(
                expected="a year in parentheses", found=e.entry, page=e.page, line=e.line,
            )  # fmt: skip


EVALUATION_ENTRIES_UNREAD = Rule(
    "evaluation_entries_unread", Severity.WARNING,
    "The list of evaluated municipalities goes on past what was read: \"{found}\" reads as no entry "
    "(a name with its years).",
    concerns=(),
    fires_when="the list's lead-in is followed by no entry that was read, or an item of the list (a "
    "bulleted line among its entries, the text after a comma) reads as no entry",
    loses_content=True,
)  # fmt: skip


def evaluation_entries_unread(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for unread in extraction.unread_entries:
        yield EVALUATION_ENTRIES_UNREAD.finding(
            expected="a name with its years", found=unread.printed, page=unread.page, line=unread.line,
        )  # fmt: skip


EVALUATION_UNKNOWN = Rule(
    "evaluation_unknown", Severity.WARNING,
    "The list of evaluated municipalities names {found}, which is no known municipality or "
    "city district.",
    concerns=("year",),
    fires_when="a list entry is neither a municipality nor a known city district",
)  # fmt: skip


def evaluation_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for e in extraction.evaluations:
        if e.municipality_code is None:
            yield EVALUATION_UNKNOWN.finding(
                year=e.year, expected="a municipality or city district", found=e.entry,
                page=e.page, line=e.line,
            )  # fmt: skip


def _subject_entries(extraction: Extraction) -> list[Evaluation]:
    """The subject's own entries; a district of the subject city ("Bromma-Stockholms stad") is not."""
    code = extraction.metadata.municipality_code
    return [e for e in extraction.evaluations if e.municipality_code == code and e.district is None]


SUBJECT_HISTORY_MISMATCH = Rule(
    "subject_history_mismatch", Severity.WARNING,
    "The list of evaluated municipalities gives {municipality}'s earlier evaluations as {found}, "
    "but the summary table has {expected}.",
    concerns=(),
    fires_when="the report municipality's listed years before the report year differ from the earlier "
    "years of its summary table",
)  # fmt: skip


def subject_history_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    year = report_year(extraction)
    known = extraction.metadata.municipality_code is not None
    if not (known and extraction.evaluations and extraction.area_scores and year is not None):
        return
    entries = _subject_entries(extraction)
    listed = {e.year for e in entries if e.year is not None and e.year < year}
    tabled = {s.year for s in extraction.area_scores if s.year < year}
    if listed != tabled:
        where = entries[0] if entries else extraction.evaluations[0]
        yield SUBJECT_HISTORY_MISMATCH.finding(
            expected=_years_text(tabled), found=_years_text(listed), page=where.page, line=where.line,
            municipality=extraction.metadata.municipality,
        )  # fmt: skip


STATED_COUNT_MISMATCH = Rule(
    "stated_count_mismatch", Severity.WARNING,
    "The report says \"{phrase}\" ({expected}) but names {found}: {names}.",
    concerns=(),
    fires_when="a stated number of municipalities differs from the names that follow (\"de sex "
    "kommunerna: Umeå, … och Vännäs\" names eight)",
)  # fmt: skip


def stated_count_mismatch(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    for stated in extraction.stated_counts:
        if stated.stated != len(stated.names):
            yield STATED_COUNT_MISMATCH.finding(
                expected=str(stated.stated), found=str(len(stated.names)), page=stated.page,
                line=stated.line, phrase=stated.phrase, names=", ".join(stated.names),
            )  # fmt: skip


LEAD_IN_NAMES_OTHER = Rule(
    "lead_in_names_other", Severity.WARNING,
    "The lead-in of the list of evaluated municipalities (\"{lead_in}\") names {found}, not "
    "{expected}, the municipality of this report: boilerplate from another report.",
    concerns=(),
    fires_when="the list's lead-in names a municipality other than the report's own (\"förutom Tyresö "
    "kommun\" in the Umeå report): boilerplate copied from another report",
)  # fmt: skip


def lead_in_names_other(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    listing = extraction.evaluation_list
    subject = extraction.metadata.municipality_code
    if listing is None or subject is None:
        return
    for name, code in listing.named:
        if code != subject:
            yield LEAD_IN_NAMES_OTHER.finding(
                expected=extraction.metadata.municipality, found=name, page=listing.page,
                line=listing.line, lead_in=listing.lead_in,
            )  # fmt: skip


MUNICIPALITY_UNKNOWN = Rule(
    "municipality_unknown", Severity.WARNING,
    "The report's municipality ({found}) is no known municipality: it has no code, so the report is "
    "left out of the panel and of the checks across reports.",
    concerns=(),
    fires_when="the title page names no municipality, or one that is not in the official list (a "
    "misspelling, look-alike letters)",
    loses_content=True,
)  # fmt: skip


def municipality_unknown(extraction: Extraction, edition: Edition | None) -> Iterator[Finding]:
    metadata = extraction.metadata
    if metadata.municipality_code is None:
        found = metadata.municipality if metadata.municipality else "none found on the title page"
        yield MUNICIPALITY_UNKNOWN.finding(
            expected="a municipality of the official list",
            found=found,
            page=metadata.page,
            line=metadata.line,
        )


CHECKS: tuple[Check, ...] = (
    check(evaluation_before_tool, EVALUATION_BEFORE_TOOL),
    check(evaluation_year_missing, EVALUATION_YEAR_MISSING, EVALUATION_YEAR_UNREAD),
    check(evaluation_unknown, EVALUATION_UNKNOWN),
    check(evaluation_entries_unread, EVALUATION_ENTRIES_UNREAD),
    check(subject_history_mismatch, SUBJECT_HISTORY_MISMATCH),
    check(stated_count_mismatch, STATED_COUNT_MISMATCH),
    check(lead_in_names_other, LEAD_IN_NAMES_OTHER),
    check(municipality_unknown, MUNICIPALITY_UNKNOWN),
)
