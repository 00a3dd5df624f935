"""Write the layout battery: small council-style PDFs and the figures an analyst would record.

The documents exercise page layout (wrapped table labels, header rows that are not all periods,
area and measure columns, code columns, pound tables, tables broken across a page, headline
blocks and bullets, headings set in larger or bolder type, two-column prose, two-level headers,
tables that hold no KPI), not wording: sentences use plain phrasings so that a miss points at
the reader of the page. The councils, partnerships and wording are invented for this battery.

Each document is drawn and its expected facts recorded from the same cell data, so a figure on
the page and its row in expected.csv cannot drift apart. The `tuned` set may be used while
developing a reader; the `heldout` set must never be tuned on (see tests/data/layouts/README.md).

Run `python tests/layouts/make_layouts.py [OUT_DIR]` (needs fpdf2, `pip install -e '.[fixtures]'`);
the output is byte-for-byte reproducible with the same fpdf2 version (tests/test_layouts.py
checks it against the committed files).
"""
from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1] / "data" / "layouts"
FIXED_DATE = dt.datetime(2024, 1, 15, 9, 0, 0, tzinfo=dt.timezone.utc)
MARGIN = 18.0
TEXT_WIDTH = 174.0
PT = 0.3528  # millimetres per point

UNITS = {
    "cp_plans": "count", "cp_plans_started": "count", "cp_plans_rate_per_10k": "rate_per_10k",
    "children_in_care": "count", "children_in_care_rate_per_10k": "rate_per_10k",
    "children_in_need": "count", "referrals": "count", "rereferral_rate": "percent",
    "training_courses": "count", "training_delegates": "count",
    "training_places_offered": "count", "training_utilisation": "percent",
    "conference_delegates": "count", "budget_total": "GBP", "budget_carry_forward": "GBP",
    "budget_contributions": "GBP", "agency_contribution": "GBP", "expenditure_total": "GBP",
    "plan_actions_total": "count", "plan_actions_completed": "count",
    "plan_actions_completed_pct": "percent",
}
COLUMNS = ["set", "document", "page", "kpi", "value", "unit", "period", "period_kind", "subject",
           "note"]

Period = tuple[str, str]


def fy(start: int) -> Period:
    return (f"{start}-{(start + 1) % 100:02d}", "financial_year")


def as_at(day: str) -> Period:
    return (day, "as_at")


def month(label: str) -> Period:
    return (label, "month")


def quarter(label: str) -> Period:
    return (label, "quarter")


def plain_value(text: str) -> str:
    """'£1,204' -> '1204': expected.csv holds values as spec/output.md has extract write them,
    and a cell meant as a figure that does not parse is a mistake in this script."""
    v = text.replace("£", "").replace(",", "").replace("%", "").strip()
    float(v)  # a cell that is meant to be a figure must parse
    return v


def is_figure(text: str) -> bool:
    try:
        plain_value(text)
        return True
    except ValueError:
        return False


@dataclass
class Col:
    """One table column. Its `role` decides whether its cells are facts (only `value` ones
    are: codes, comparators, targets and text never are), and a column may carry the period,
    KPI or subject that its header gives every cell under it."""
    w: float
    align: str = "R"
    role: str = "value"          # label | code | value | comp | text
    period: Period | None = None
    kpi: str | None = None
    subject: str | None = None


@dataclass
class Row:
    """A table row. A list cell (a wrapped label) runs down from the top of the row; a str
    cell (a value) sits on line `vline` of it, which is how councils' templates differ: values
    level with the first, a middle or the last line of the label."""
    cells: list
    vline: int = 0
    kpi: str | None = None
    subject: str = ""
    bold: bool = False


@dataclass
class Paper:
    set: str
    name: str
    font: str = "Helvetica"  # or "Times": a serif paper has other widths and spacing
    pdf: FPDF = field(init=False)
    y: float = field(init=False, default=20.0)
    facts: list = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.pdf = FPDF(orientation="P", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creation_date(FIXED_DATE)
        self.pdf.set_producer("layout battery")
        self.pdf.set_margins(MARGIN, 15, MARGIN)
        self.new_page()

    # --- pages and text -------------------------------------------------------------------
    @property
    def page(self) -> int:
        return self.pdf.page

    def new_page(self, running_header: str = "") -> None:
        self.pdf.add_page()
        self.y = 20.0
        if running_header:
            self.pdf.set_font(self.font, "", 8)
            self.pdf.set_text_color(110)
            self.pdf.text(MARGIN, 12, running_header)
            self.pdf.set_text_color(0)

    def footer(self, text: str) -> None:
        self.pdf.set_font(self.font, "", 8)
        self.pdf.text(MARGIN + TEXT_WIDTH / 2 - self.pdf.get_string_width(text) / 2, 287, text)

    def line(self, text: str, size: float = 10, style: str = "", x: float = MARGIN,
             width: float = TEXT_WIDTH, gap: float = 1.45) -> None:
        self.pdf.set_font(self.font, style, size)
        if self.pdf.get_string_width(text) > width + 0.01:
            raise ValueError(f"{self.name}: line too wide for its column: {text!r}")
        self.pdf.text(x, self.y + size * PT * 0.85, text)
        self.y += size * PT * gap

    def lines(self, texts: list[str], size: float = 10, style: str = "", x: float = MARGIN,
              width: float = TEXT_WIDTH, after: float = 3.0) -> None:
        for t in texts:
            self.line(t, size, style, x, width)
        self.y += after

    def wrap(self, text: str, size: float = 10, style: str = "",
             width: float = TEXT_WIDTH) -> list[str]:
        self.pdf.set_font(self.font, style, size)
        out, cur = [], ""
        for word in text.split():
            trial = f"{cur} {word}".strip()
            if cur and self.pdf.get_string_width(trial) > width:
                out.append(cur)
                cur = word
            else:
                cur = trial
        if cur:
            out.append(cur)
        return out

    def para(self, text: str, size: float = 10, x: float = MARGIN, width: float = TEXT_WIDTH,
             after: float = 3.0) -> None:
        self.lines(self.wrap(text, size, "", width), size, "", x, width, after)

    def bullets(self, items: list[str], size: float = 10) -> None:
        """Bullet points with no final punctuation, the bullet drawn from the ZapfDingbats font
        as many councils' templates do: only the bullet and the line break separate one
        figure's words from the next one's."""
        for text in items:
            self.pdf.set_font("ZapfDingbats", "", size * 0.6)
            self.pdf.text(MARGIN + 2, self.y + size * PT * 0.8, "l")
            self.line(text, size, x=MARGIN + 7, width=TEXT_WIDTH - 7, gap=1.6)
        self.y += 3

    def title(self, org: str, title: str, subtitle: str = "") -> None:
        self.line(org, 12, "B", gap=1.8)
        self.line(title, 18, "B", gap=1.7)
        if subtitle:
            self.line(subtitle, 14, "B", gap=1.8)
        self.y += 3

    def heading(self, text: str, size: float = 12.5) -> None:
        self.y += 1.5
        self.line(text, size, "B", gap=1.9)

    def caption(self, text: str) -> None:
        self.line(text, 10, "B", gap=1.8)

    # --- facts ----------------------------------------------------------------------------
    def fact(self, kpi: str, value: str, period: Period, subject: str = "", note: str = "",
             page: int | None = None) -> None:
        self.facts.append({
            "set": self.set, "document": self.name, "page": page or self.page, "kpi": kpi,
            "value": plain_value(value), "unit": UNITS[kpi], "period": period[0],
            "period_kind": period[1], "subject": subject, "note": note,
        })

    # --- tables ---------------------------------------------------------------------------
    def table(self, cols: list[Col], header: list | None, rows: list[Row], *,
              borders: bool = False, size: float = 9, lh: float = 4.3,
              period: Period | None = None, note: str = "", x0: float = MARGIN,
              groups: list[tuple[str, int]] | None = None, stripes: bool = False) -> None:
        """Draw a table and record its facts from the same cells, so page and answer agree.

        `period` is the table's period when its columns are not periods (areas, measures,
        partners): the caption, heading or title that dates it. `groups` is a header row above
        the header, each (text, number of columns) spanning its columns, as in a table of areas
        each with a column per year. `stripes` shades every other row instead of ruling cells.
        """
        pad = 1.3
        xs = [x0]
        for c in cols:
            xs.append(xs[-1] + c.w)
        pdf = self.pdf
        if groups:
            if sum(span for _, span in groups) != len(cols):
                raise ValueError(f"{self.name}: header groups do not span the table")
            pdf.set_font(self.font, "B", size)
            h = lh + 2 * pad
            i = 0
            for text, span in groups:
                xa, xb = xs[i], xs[i + span]
                if text:
                    if borders:
                        pdf.set_fill_color(225)
                        pdf.rect(xa, self.y, xb - xa, h, style="DF")
                    else:
                        pdf.line(xa + 1.5, self.y + h - 0.4, xb - 1.5, self.y + h - 0.4)
                    self._cell_text(text, xa, xb - xa, "C", self.y + pad + lh * 0.78)
                i += span
            self.y += h
        if header is not None:
            cells = [c if isinstance(c, list) else [c] for c in header]
            n = max(len(c) for c in cells)
            h = n * lh + 2 * pad
            if borders:
                pdf.set_fill_color(225)
                for i, c in enumerate(cols):
                    pdf.rect(xs[i], self.y, c.w, h, style="DF")
            else:
                pdf.set_line_width(0.3)
                pdf.line(x0, self.y + h, xs[-1], self.y + h)
            pdf.set_font(self.font, "B", size)
            for i, (c, lines) in enumerate(zip(cols, cells)):
                top = n - len(lines)  # header text sits at the bottom of the header cell
                for k, t in enumerate(lines):
                    self._cell_text(t, xs[i], c.w, "L" if c.role in ("label", "text") else c.align,
                                    self.y + pad + (top + k) * lh + lh * 0.78)
            self.y += h
        for ri, r in enumerate(rows):
            n = max(len(c) if isinstance(c, list) else r.vline + 1 for c in r.cells)
            h = n * lh + 2 * pad
            if stripes and ri % 2 == 1:
                pdf.set_fill_color(236)
                pdf.rect(x0, self.y, xs[-1] - x0, h, style="F")
            if borders:
                for i, c in enumerate(cols):
                    pdf.rect(xs[i], self.y, c.w, h)
            pdf.set_font(self.font, "B" if r.bold else "", size)
            label = ""
            for i, (c, cell) in enumerate(zip(cols, r.cells)):
                lines = cell if isinstance(cell, list) else [""] * r.vline + [cell]
                for k, t in enumerate(lines):
                    if t:
                        self._cell_text(t, xs[i], c.w, c.align if c.role not in ("label", "text")
                                        else "L", self.y + pad + k * lh + lh * 0.78)
                if c.role == "label":
                    label = " ".join(lines).strip()
            for c, cell in zip(cols, r.cells):
                text = cell if isinstance(cell, str) else " ".join(cell)
                kpi = c.kpi or r.kpi
                per = c.period or period
                if c.role != "value" or not kpi or not per or not is_figure(text):
                    continue
                subject = c.subject if c.subject is not None else r.subject
                self.fact(kpi, text, per, subject,
                          f"{note}; row '{label}'" if note else f"row '{label}'")
            self.y += h
        self.y += 4

    def _cell_text(self, text: str, x: float, w: float, align: str, baseline: float) -> None:
        tw = self.pdf.get_string_width(text)
        if tw > w - 2.4:
            raise ValueError(f"{self.name}: cell text too wide: {text!r}")
        if align == "R":
            tx = x + w - 1.5 - tw
        elif align == "C":
            tx = x + (w - tw) / 2
        else:
            tx = x + 1.5
        self.pdf.text(tx, baseline, text)

    # --- headline blocks ------------------------------------------------------------------
    def block(self, x: float, y: float, number: str, label: list[str], label_above: bool = False,
              size: float = 24, box: tuple[float, float] | None = None) -> None:
        """A headline figure: the number alone on its line in large bold type, the label on
        the lines below or above without final punctuation, as infographic pages set them."""
        pdf = self.pdf
        if box:
            pdf.rect(x - 2, y - 2, box[0], box[1])
        ly = y
        if label_above:
            pdf.set_font(self.font, "", 9)
            for t in label:
                pdf.text(x, ly + 9 * PT * 0.85, t)
                ly += 9 * PT * 1.4
            ly += 1
        pdf.set_font(self.font, "B", size)
        pdf.text(x, ly + size * PT * 0.8, number)
        ly += size * PT * 1.15
        if not label_above:
            pdf.set_font(self.font, "", 9)
            for t in label:
                pdf.text(x, ly + 9 * PT * 0.85, t)
                ly += 9 * PT * 1.4

    def bar_chart(self, title: str, bars: list[tuple[str, str]], top: float, ticks: list[int],
                  width: float = 120, height: float = 46) -> None:
        """A drawn bar chart: its axis ticks and bar labels are numbers that are not figures."""
        pdf = self.pdf
        x0, y0 = MARGIN + 14, self.y + 9
        pdf.set_font(self.font, "B", 10)
        pdf.text(MARGIN, self.y + 4, title)
        pdf.set_font(self.font, "", 8)
        for t in ticks:
            ty = y0 + height - height * t / top
            tick = f"{t:,}"
            pdf.text(x0 - 2 - pdf.get_string_width(tick), ty + 1, tick)
            pdf.set_draw_color(200)
            pdf.line(x0, ty, x0 + width, ty)
        pdf.set_draw_color(0)
        step = width / len(bars)
        pdf.set_fill_color(120, 140, 170)
        for i, (name, value) in enumerate(bars):
            bh = height * float(plain_value(value)) / top
            bx = x0 + i * step + step * 0.2
            pdf.rect(bx, y0 + height - bh, step * 0.6, bh, style="F")
            pdf.text(bx + step * 0.3 - pdf.get_string_width(value) / 2, y0 + height - bh - 1.5,
                     value)
            pdf.text(bx + step * 0.3 - pdf.get_string_width(name) / 2, y0 + height + 4, name)
        pdf.set_fill_color(255)
        self.y = y0 + height + 10

    def save(self, root: Path = ROOT) -> list[dict]:
        out = root / self.set / self.name
        out.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.output(str(out))
        return self.facts


def label(w: float = 70) -> Col:
    return Col(w, "L", "label")


def comp(w: float = 18, align: str = "R") -> Col:
    return Col(w, align, "comp")


def val(w: float = 20, period: Period | None = None, **kw) -> Col:
    return Col(w, "R", "value", period, **kw)


# ============================================================================================
# tuned set
# ============================================================================================

def t01() -> Paper:
    d = Paper("tuned", "t01_merriton_scorecard.pdf")
    d.title("Merriton Borough Council", "Children's Services Scorecard",
            "Year-end performance 2022/23")
    d.para("This scorecard sets out the council's position on its key measures of children's "
           "social care at the end of each of the last three years, with the target for the year, "
           "the England average where one is published and a red, amber or green rating.")
    cols = [label(66), val(19, fy(2020)), val(19, fy(2021)), val(19, fy(2022)), comp(16),
            comp(18), comp(12, "C")]
    head = ["Measure", "2020/21", "2021/22", "2022/23", "Target", "England", "RAG"]
    n = "wrapped label, values on its first line; bordered; period columns then Target/England/RAG"
    d.table(cols, head, [
        Row([["Number of children subject", "to a child protection plan", "at year end"],
             "318", "342", "365", "330", "-", "A"], kpi="cp_plans"),
        Row([["Rate of children subject to a", "child protection plan per", "10,000 children"],
             "39.4", "42.1", "44.9", "40.0", "43.2", "R"], kpi="cp_plans_rate_per_10k"),
        Row([["Children looked after", "at 31 March"], "402", "417", "431", "420", "-", "G"],
            kpi="children_in_care"),
        Row([["Looked after children rate", "per 10,000"], "49.8", "51.6", "53.3", "50.0",
             "70.0", "A"], kpi="children_in_care_rate_per_10k"),
        Row([["Referrals to children's", "social care"], "2,918", "3,104", "3,377", "-", "-",
             "-"], kpi="referrals"),
        Row([["Re-referrals within 12", "months (%)"], "19.6", "21.3", "22.8", "20.0", "21.5",
             "R"], kpi="rereferral_rate"),
    ], borders=True, note=n)
    d.para("Ratings compare the latest year with the target. The scorecard is refreshed by the "
           "performance and intelligence team after each year end.")
    return d


def t02() -> Paper:
    d = Paper("tuned", "t02_skelbrook_data_pack.pdf")
    d.title("Skelbrook City Council", "Children's Social Care Data Pack", "March 2023")
    d.para("The figures below are snapshots taken at the end of March in each year, beside the "
           "average of our statistical neighbours and the direction of travel since last year.")
    cols = [label(70), val(20, month("2021-03")), val(20, month("2022-03")),
            val(20, month("2023-03")), comp(22), comp(18, "C")]
    head = ["Indicator", "Mar-21", "Mar-22", "Mar-23", "Stat. nbrs", "DoT"]
    n = "wrapped label, values on its last line; no borders; Mar-yy columns then Stat. nbrs/DoT"
    d.table(cols, head, [
        Row([["Children with a child", "protection plan"], "221", "247", "236", "n/a", "Down"],
            vline=1, kpi="cp_plans"),
        Row([["CP plan rate per 10,000", "children aged 0-17"], "28.7", "32.0", "30.6", "37.5",
             "Down"], vline=1, kpi="cp_plans_rate_per_10k"),
        Row([["Children in care", "(excluding short", "breaks)"], "288", "301", "296", "n/a",
             "Down"], vline=2, kpi="children_in_care"),
        Row([["Children in care rate", "per 10,000"], "37.4", "39.1", "38.4", "61.0", "Down"],
            vline=1, kpi="children_in_care_rate_per_10k"),
        Row([["Open children in need", "cases"], "1,602", "1,688", "1,745", "n/a", "Up"],
            vline=1, kpi="children_in_need"),
    ], stripes=True, note=n + "; every other row shaded")
    d.para("Statistical neighbour averages are the latest published and are shown for the rates "
           "only.")
    return d


def t03() -> Paper:
    d = Paper("tuned", "t03_tansley_cross_performance.pdf")
    d.title("Tansley Cross Council", "Children's Services Quarterly Performance",
            "Quarters 1 to 3, 2022/23")
    d.para("Each quarter's figure is shown with the annual target, the England average and a "
           "rating of the latest quarter.")
    q = [quarter("2022-Q2"), quarter("2022-Q3"), quarter("2022-Q4")]
    cols = [label(56), val(20, q[0]), val(20, q[1]), val(20, q[2]), comp(17), comp(18),
            comp(12, "C")]
    head = ["Measure", "Q1 22/23", "Q2 22/23", "Q3 22/23", "Target", "England", "RAG"]
    n = ("3-line label, values on its middle line; bordered; Q1 22/23 columns (calendar quarter "
         "one later) then Target/England/RAG")
    d.table(cols, head, [
        Row([["Number of", "referrals received", "in the quarter"], "812", "776", "845", "-",
             "-", "-"], vline=1, kpi="referrals"),
        Row([["Re-referrals to", "social care within 12", "months (%)"], "23.1", "20.4", "24.6",
             "22.0", "21.5", "A"], vline=1, kpi="rereferral_rate"),
        Row([["Children subject to", "a child protection", "plan (snapshot)"], "402", "389",
             "411", "-", "-", "-"], vline=1, kpi="cp_plans"),
        Row([["Rate per 10,000", "of children on a", "plan"], "45.6", "44.1", "46.6", "-",
             "42.1", "R"], vline=1, kpi="cp_plans_rate_per_10k"),
        Row([["Children who became", "subject to a plan", "in the quarter"], "131", "118", "142",
             "-", "-", "-"], vline=1, kpi="cp_plans_started"),
    ], borders=True, note=n)
    return d


def t04() -> Paper:
    d = Paper("tuned", "t04_brantwick_ollerby_scp.pdf")
    d.title("Brantwick, Ollerby and Fallowmere Safeguarding Children Partnership",
            "Annual Report 2022/23")
    d.heading("Children's social care across the partnership")
    d.para("The partnership covers three local authority areas. The tables below give each "
           "council's figures and the partnership as a whole.")
    d.caption("Table 2: Children's social care at 31 March 2023")
    areas = ["Brantwick", "Ollerby", "Fallowmere"]
    cols = [label(72)] + [val(26, subject=a) for a in areas] + [val(24, subject="")]
    head = ["", "Brantwick", "Ollerby", "Fallowmere", "Total"]
    n = "area columns, period from the caption; no borders"
    d.table(cols, head, [
        Row([["Children subject to a child", "protection plan"], "214", "167", "98", "479"],
            kpi="cp_plans"),
        Row([["Rate per 10,000 children"], "41.2", "36.8", "29.5", "37.6"],
            kpi="cp_plans_rate_per_10k"),
        Row([["Children in care"], "356", "244", "131", "731"], kpi="children_in_care"),
        Row([["Rate per 10,000 children"], "68.5", "53.8", "39.4", "57.4"],
            kpi="children_in_care_rate_per_10k"),
    ], period=as_at("2023-03-31"), note=n)
    d.heading("Referrals in 2022/23")
    d.para("Referral numbers rose in every area, with the largest rise in Brantwick.")
    d.table(cols, head, [
        Row([["Referrals to children's social care"], "2,140", "1,655", "912", "4,707"],
            kpi="referrals"),
        Row([["Re-referrals within", "12 months (%)"], "18.9", "22.7", "16.4", "19.8"],
            vline=1, kpi="rereferral_rate"),
    ], period=fy(2022), note="area columns, period from the section heading; no borders")
    return d


def t05() -> Paper:
    d = Paper("tuned", "t05_dunstrand_wraxton_sp.pdf", "Times")
    d.title("Dunstrand and Wraxton Safeguarding Partnership", "Annual Report 2021-22")
    d.heading("Safeguarding activity")
    d.para("Both councils publish their own scorecards; the partnership brings the main figures "
           "together here so that the board can compare the two areas.")
    d.caption("Table 1: Children's safeguarding activity")
    cols = [label(84), val(30, subject="Dunstrand"), val(30, subject="Wraxton"),
            val(26, subject="")]
    n = "area columns with a Total, period from the title; bordered"
    d.table(cols, ["", "Dunstrand", "Wraxton", "Total"], [
        Row([["Children in need"], "1,908", "1,277", "3,185"], kpi="children_in_need"),
        Row([["Children who became subject", "to a child protection plan", "during the year"],
             "276", "189", "465"], vline=1, kpi="cp_plans_started"),
        Row([["Children on a child protection", "plan at year end"], "243", "171", "414"],
            kpi="cp_plans"),
    ], borders=True, period=fy(2021), note=n)
    d.para("The board will review the difference in rates between the two areas at its next "
           "development day.")
    return d


def t06() -> Paper:
    d = Paper("tuned", "t06_ollerby_training.pdf")
    d.title("Ollerby Safeguarding Children Partnership", "Learning and Development Report")
    d.heading("Multi-agency training 2022/23")
    d.para("The partnership's programme is open to staff of every partner agency and of "
           "voluntary groups working with children.")
    cols = [label(82), val(26, kpi="training_courses"), val(26, kpi="training_places_offered"),
            val(26, kpi="training_delegates")]
    n = "measure columns decide the KPI, one course per row (subject), period from the heading"
    courses = [
        (["Working Together: roles and", "responsibilities"], "12", "300", "271"),
        (["Neglect and the Graded Care", "Profile 2 (GCP2)"], "9", "216", "188"),
        (["Domestic abuse and coercive", "control"], "8", "192", "175"),
        (["Child exploitation and county", "lines"], "6", "150", "139"),
        (["Safeguarding in the early years"], "5", "120", "97"),
    ]
    rows = [Row([c[0], c[1], c[2], c[3]], subject=" ".join(c[0])) for c in courses]
    rows.append(Row([["Total"], "40", "978", "870"], bold=True))
    d.table(cols, ["Course", "Sessions", "Places", "Attended"], rows, borders=True,
            period=fy(2022), note=n)
    d.para("Utilisation across the programme was 89%.")
    d.fact("training_utilisation", "89", fy(2022), note="sentence under the table; period from "
           "the section heading")
    return d


def t07() -> Paper:
    d = Paper("tuned", "t07_rydemouth_pi_report.pdf")
    d.title("Rydemouth Council", "Children's Services Performance Indicators",
            "Report to Scrutiny")
    d.para("Indicators are listed by their local reference. A rating is given where the council "
           "has set a target.")
    cols = [Col(16, "L", "code"), label(72), val(24, as_at("2022-03-31")),
            val(24, as_at("2023-03-31")), comp(18), comp(12, "C")]
    head = ["Ref", "Indicator", ["31 March", "2022"], ["31 March", "2023"], "Target", "RAG"]
    n = "indicator-code column before the label; 31 March yyyy columns then Target/RAG; bordered"
    d.table(cols, head, [
        Row(["CS14", ["Children subject to a", "child protection plan"], "196", "213", "200",
             "A"], kpi="cp_plans"),
        Row(["CS15", ["CP plan rate per", "10,000 children"], "33.9", "36.7", "35.0", "A"],
            kpi="cp_plans_rate_per_10k"),
        Row(["NI 62", ["Children in care with 3 or", "more placements in the", "year (%)"],
             "9.8", "8.6", "10.0", "G"]),
        Row(["PI 3", ["Children in care"], "377", "392", "-", "-"], kpi="children_in_care"),
        Row(["CS21", ["Children in need", "(all open cases)"], "1,431", "1,512", "-", "-"],
            kpi="children_in_need"),
    ], borders=True, note=n)
    d.para("Placement stability (NI 62) is not one of the measures the committee asked to follow "
           "but is included for completeness.")
    return d


def t08() -> Paper:
    d = Paper("tuned", "t08_fallowmere_budget.pdf")
    d.title("Fallowmere Safeguarding Children Partnership", "Budget Report 2022/23")
    d.para("The partnership is funded by its statutory partners under the agreed funding formula. "
           "Spending is on the business unit, the training programme and case reviews.")
    d.caption("Partner contributions 2022/23")
    cols = [label(100), val(40, kpi="agency_contribution")]
    n = "partner table with a pound sign in every cell; period from the caption"
    partners = [("Fallowmere Council", "£142,600"), ("Fallowmere Integrated Care Board", "£88,350"),
                ("Fallowmere Constabulary", "£37,900"), ("Probation Service", "£6,150"),
                ("Fallowmere schools", "£4,000")]
    rows = [Row([[p], v], subject=p) for p, v in partners]
    d.table(cols, ["Partner", "Contribution"], rows, borders=True, period=fy(2022), note=n)
    d.y -= 4
    d.table([label(100), val(40, kpi="budget_contributions")], None,
            [Row([["Total"], "£279,000"], bold=True)], borders=True, period=fy(2022),
            note="Total row of the partner table is the total contribution")
    d.caption("Expenditure 2022/23")
    d.table([label(100), comp(40)], ["Item", "Spend"], [
        Row([["Business unit staffing"], "£196,400"]),
        Row([["Training programme"], "£31,200"]),
        Row([["Case reviews"], "£44,750"]),
    ], borders=True)
    d.y -= 4
    d.table([label(100), val(40, kpi="expenditure_total")], None,
            [Row([["Total expenditure"], "£272,350"], bold=True)], borders=True, period=fy(2022),
            note="expenditure table: its items are not contributions, its total is spend")
    return d


def t09() -> Paper:
    d = Paper("tuned", "t09_hobbleton_data_pack.pdf")
    d.title("Hobbleton Council", "Children's Social Care Annual Data Pack", "2022-23")
    d.para("This pack brings together the measures that the Children's Scrutiny Committee follows "
           "through the year. Each figure is the council's own, taken from the statutory returns "
           "made to the Department for Education after the end of the year.")
    d.para("Where an England average has been published it is shown beside the council's "
           "figures. Averages for statistical neighbours are in the appendix.")
    d.heading("Where contacts come from")
    d.para("Most contacts to the front door come from the police and schools. The chart shows "
           "the number from each source; it counts contacts, not referrals.")
    d.bar_chart("Figure 1: Contacts by source, 2022-23", [("Police", "1,840"), ("Schools", "1,215"),
                ("Health", "903"), ("Family", "488"), ("Other", "622")], 2000,
                [0, 500, 1000, 1500, 2000], height=62)
    d.para("Contacts from schools fall in the holidays and rise sharply in September and January. "
           "The front door is staffed to meet those peaks, with social workers from the "
           "assessment teams joining it for the first weeks of each term.")
    d.heading("Key measures")
    d.para("The table below continues on the next page.")
    cols = [label(74), val(22, fy(2020)), val(22, fy(2021)), val(22, fy(2022)), comp(22)]
    head = ["Measure", "2020-21", "2021-22", "2022-23", "England"]
    n = "table broken across the page, header repeated on page 2; 2021-22 columns then England"
    d.table(cols, head, [
        Row([["Referrals"], "1,733", "1,821", "1,905", "n/a"], kpi="referrals"),
        Row([["Re-referrals within 12 months", "(%)"], "17.2", "18.8", "19.4", "21.5"],
            kpi="rereferral_rate"),
        Row([["Children in need at 31 March"], "1,266", "1,301", "1,349", "n/a"],
            kpi="children_in_need"),
    ], note=n)
    d.footer("Page 1 of 2")
    d.new_page(running_header="Hobbleton Council - Children's Social Care Annual Data Pack 2022-23")
    d.table(cols, head, [
        Row([["Children starting a CP plan"], "188", "203", "197", "n/a"], kpi="cp_plans_started"),
        Row([["Children on a CP plan at", "31 March"], "161", "175", "169", "n/a"],
            kpi="cp_plans"),
        Row([["Rate per 10,000"], "29.8", "32.3", "31.1", "42.1"], kpi="cp_plans_rate_per_10k"),
        Row([["Children in care at 31 March"], "274", "281", "290", "n/a"],
            kpi="children_in_care"),
        Row([["Rate per 10,000"], "50.7", "51.9", "53.4", "70.0"],
            kpi="children_in_care_rate_per_10k"),
    ], note=n)
    d.para("Commentary on each measure is given in the appendix to this report.")
    d.footer("Page 2 of 2")
    return d


def t10() -> Paper:
    d = Paper("tuned", "t10_penhallow_infographic.pdf")
    d.title("Penhallow Safeguarding Children Partnership", "Our year in numbers 2022/23")
    n = "headline block: big number alone on its line, label on the line below; period from title"
    blocks = [
        ("1,127", ["referrals to children's social care"], "referrals"),
        ("284", ["children subject to a child protection plan"], "cp_plans"),
        ("39.7", ["children per 10,000 on a child protection plan"], "cp_plans_rate_per_10k"),
        ("512", ["children in our care (2021/22: 487)"], "children_in_care"),
        ("2,260", ["practitioners attended multi-agency training"], "training_delegates"),
        ("74", ["multi-agency courses delivered"], "training_courses"),
    ]
    y = d.y
    for num, lab, kpi in blocks:
        d.block(MARGIN, y, num, lab)
        d.fact(kpi, num, fy(2022), note=n)
        y += 22
    d.fact("children_in_care", "487", fy(2021),
           note="bracketed prior-year figure in a headline label; must not date the other blocks")
    d.y = y + 4
    d.para("Behind every number is a child or a family. The partnership thanks every practitioner "
           "who has worked to keep children safe this year.")
    return d


def t11() -> Paper:
    d = Paper("tuned", "t11_stannage_dashboard.pdf")
    d.title("Stannage Council", "Children's Services Dashboard")
    d.heading("Position at 30 September 2022")
    n = "grid of boxed blocks, label above the big number; period from the section heading"
    grid = [
        (["Children in need"], "1,874", "children_in_need"),
        (["Child protection plans"], "233", "cp_plans"),
        (["Children in care"], "318", "children_in_care"),
        (["Rate per 10,000 on a", "child protection plan"], "34.8", "cp_plans_rate_per_10k"),
        (["Care leavers in touch"], "141", None),
        (["Social worker vacancy", "rate"], "14%", None),
    ]
    for i, (lab, num, kpi) in enumerate(grid):
        x = MARGIN + 2 + (i % 3) * 58
        y = d.y + 2 + (i // 3) * 34
        d.block(x, y, num, lab, label_above=True, size=22, box=(54, 30))
        if kpi:
            d.fact(kpi, num, as_at("2022-09-30"), note=n)
    d.y += 2 + 2 * 34 + 6
    d.para("Care leavers and vacancies are shown for context; they are reported in full to the "
           "Corporate Parenting Board.")
    return d


def t12() -> Paper:
    d = Paper("tuned", "t12_cawdrey_headings.pdf", "Times")
    d.title("Cawdrey Borough Council", "Children's Services Half-Year Performance Report")
    d.para("This report compares the position at the end of the last financial year with the "
           "position at the half-year point.")
    n = "section heading in bold, larger type names the as-at date; sentence has none"
    d.heading("Position at 31 March 2022")
    d.para("There were 247 children subject to a child protection plan and 402 children in care. "
           "There were 1,388 open children in need cases.")
    for k, v in (("cp_plans", "247"), ("children_in_care", "402"), ("children_in_need", "1,388")):
        d.fact(k, v, as_at("2022-03-31"), note=n)
    d.heading("Position at 30 September 2022")
    d.para("There were 259 children subject to a child protection plan and 415 children in care. "
           "There were 1,421 open children in need cases.")
    for k, v in (("cp_plans", "259"), ("children_in_care", "415"), ("children_in_need", "1,421")):
        d.fact(k, v, as_at("2022-09-30"), note=n)
    d.heading("Next steps")
    d.para("The service will report the year-end position to the committee in the summer.")
    return d


def t13() -> Paper:
    d = Paper("tuned", "t13_whinbury_annual_report.pdf")
    d.title("Whinbury Safeguarding Children Partnership", "Annual Report 2022/23")
    d.line("Presented to the Executive, November 2023", 10, "I", gap=2.2)
    d.y += 2
    n = ("period from the title; a body line beginning 'Annual Report 2019/20' and the dateline "
         "must not date it")
    d.heading("Training")
    d.lines([
        "Our multi-agency training programme was redesigned after the review described in our",
        "Annual Report 2019/20 and the new programme has now run for three full years. This",
        "year we ran 58 multi-agency courses, attended by 1,146 delegates, and 1,430 training",
        "places were offered.",
    ])
    d.fact("training_courses", "58", fy(2022), note=n)
    d.fact("training_delegates", "1,146", fy(2022), note=n)
    d.fact("training_places_offered", "1,430", fy(2022), note=n)
    d.heading("Budget")
    d.para("The partnership budget was £214,800. It was made up of £198,300 in contributions "
           "from partner agencies and a carry forward of £16,500 from the previous year.")
    d.fact("budget_total", "£214,800", fy(2022), note=n)
    d.fact("budget_contributions", "£198,300", fy(2022), note=n)
    d.fact("budget_carry_forward", "£16,500", fy(2022), note=n)
    d.heading("Looking ahead")
    d.para("The partnership will publish its next report in the autumn.")
    return d


def two_columns(d: Paper, left: list[tuple[str, str]], right: list[tuple[str, str]]) -> None:
    """Prose set in two columns whose lines sit level with each other, so that a reader that
    reads across the page joins half-sentences of different columns; each part is
    (heading, paragraph)."""
    top = d.y
    bottoms = []
    for x, parts in ((MARGIN, left), (MARGIN + 92, right)):
        d.y = top
        for head, text in parts:
            d.line(head, 11, "B", x=x, width=82, gap=1.9)
            d.lines(d.wrap(text, 10, "", 82), 10, "", x=x, width=82)
        bottoms.append(d.y)
    d.y = max(bottoms) + 2


def flowing_columns(d: Paper, text: str, breaks_in: str) -> None:
    """One text flowing down the left column and on at the top of the right one, the columns
    balanced as a newsletter-style page sets them. The text is written so that the column break
    falls inside the sentence starting `breaks_in`: a reader must carry that sentence from the
    foot of the left column to the head of the right."""
    lines = d.wrap(text, 10, "", 82)
    split = (len(lines) + 1) // 2
    offsets, pos = [], 0
    for ln in lines:
        pos = text.index(ln, pos)
        offsets.append(pos)
        pos += len(ln)
    start = text.index(breaks_in)
    end = text.index(". ", start) if ". " in text[start:] else len(text)
    if not start < offsets[split] < end:
        raise ValueError(f"{d.name}: the column break does not fall inside {breaks_in!r}")
    top = d.y
    d.lines(lines[:split], 10, "", x=MARGIN, width=82, after=0)
    left_bottom = d.y
    d.y = top
    d.lines(lines[split:], 10, "", x=MARGIN + 92, width=82, after=0)
    d.y = max(left_bottom, d.y) + 4


def t14() -> Paper:
    d = Paper("tuned", "t14_kestwick_annual_review.pdf")
    d.title("Kestwick Council", "Children and Young People's Plan", "Annual Review 2022/23")
    two_columns(d, [
        ("Early help and social care",
         "Demand on the front door stayed high through the year. The service received 3,012 "
         "referrals in 2022/23, a little above the year before. Most came from the police, "
         "schools and health visitors. At 31 March 2023 there were 205 children with a child "
         "protection plan. At the end of March 2023, 366 children were in care, the highest "
         "number for a decade."),
    ], [
        ("Learning and development",
         "The partnership's training offer moved back to face-to-face delivery for most courses. "
         "In 2022/23 we ran 81 multi-agency training courses. They were attended by 1,774 "
         "delegates from across the partnership. Feedback on the courses remained very positive "
         "and managers report that learning is being used in practice."),
    ])
    n = "two-column prose: the sentence must be read down its own column"
    d.fact("referrals", "3,012", fy(2022), note=n)
    d.fact("cp_plans", "205", as_at("2023-03-31"), note=n)
    d.fact("children_in_care", "366", as_at("2023-03-31"), note=n)
    d.fact("training_courses", "81", fy(2022), note=n)
    d.fact("training_delegates", "1,774", fy(2022), note=n)
    d.new_page()
    d.heading("Money and the partnership")
    text = ("The partnership met all of its statutory duties this year and its partners kept "
            "their funding at the level agreed in the previous spring. The partnership's budget "
            "for 2022/23 was £186,400. Partner agencies contributed £171,900 between them and the "
            "remainder came from a carry forward of £14,500 from the previous year. Spending was "
            "close to the budget, and the total expenditure for the year was £183,250, most of it "
            "on the business unit and the training programme. The small underspend will be "
            "carried into next year to meet the cost of a review that has already begun, and the "
            "partnership will report on it in the spring. Partners have agreed the funding "
            "formula for the next two years, and each has confirmed its share in writing to the "
            "independent chair.")
    flowing_columns(d, text, "Spending was close to the budget")
    n = ("two-column text flowing from the foot of the left column to the head of the right; "
         "the column break falls between 'total expenditure for the year was' and its figure")
    d.fact("budget_total", "£186,400", fy(2022), note=n, page=2)
    d.fact("budget_contributions", "£171,900", fy(2022), note=n, page=2)
    d.fact("budget_carry_forward", "£14,500", fy(2022), note=n, page=2)
    d.fact("expenditure_total", "£183,250", fy(2022), note=n, page=2)
    return d


def t15() -> Paper:
    d = Paper("tuned", "t15_brackenridge_workforce.pdf")
    d.title("Brackenridge Council", "Children's Social Care Workforce Update")
    d.para("At 31 March 2023 the service was supporting 1,620 children in need, 238 children "
           "subject to a child protection plan and 355 children in care.")
    n = "prose figures above a staffing table"
    d.fact("children_in_need", "1,620", as_at("2023-03-31"), note=n)
    d.fact("cp_plans", "238", as_at("2023-03-31"), note=n)
    d.fact("children_in_care", "355", as_at("2023-03-31"), note=n)
    d.caption("Table 1: Social work establishment by team")
    d.table([label(70), comp(24), comp(24), comp(24), comp(24)],
            ["Team", ["Posts", "(FTE)"], "Filled", "Vacant", "Agency"], [
        Row([["Child protection and court team"], "24.5", "21.0", "3.5", "2"]),
        Row([["Children in care team"], "18.0", "16.0", "2.0", "1"]),
        Row([["Children in need team"], "31.0", "27.5", "3.5", "4"]),
        Row([["Referral and assessment"], "22.0", "19.0", "3.0", "3"]),
        Row([["Total"], "95.5", "83.5", "12.0", "10"], bold=True),
    ], borders=True)
    d.para("Staffing figures are full-time equivalents and are not performance measures; they "
           "are given so that the committee can see where vacancies fall.")
    return d


def t16() -> Paper:
    d = Paper("tuned", "t16_lindhurst_business_plan.pdf")
    d.line("Children's Committee, 8 March 2023", 10, gap=2.4)
    d.title("Lindhurst Safeguarding Children Partnership", "Business Plan Progress Report",
            "Quarter 3 2022/23")
    d.heading("Progress against the plan")
    d.para("At the end of December 2022 the business plan had 42 actions, of which 27 had been "
           "completed (64%).")
    n = "as-at date in the sentence; the meeting line is not a heading"
    d.fact("plan_actions_total", "42", as_at("2022-12-31"), note=n)
    d.fact("plan_actions_completed", "27", as_at("2022-12-31"), note=n)
    d.fact("plan_actions_completed_pct", "64", as_at("2022-12-31"), note=n)
    d.heading("Training")
    d.para("During the quarter the partnership ran 14 multi-agency training courses, attended by "
           "302 delegates.")
    n = "quarter from the title (Q3 2022/23 is 2022-Q4); the meeting line must not date it"
    d.fact("training_courses", "14", quarter("2022-Q4"), note=n)
    d.fact("training_delegates", "302", quarter("2022-Q4"), note=n)
    d.heading("Highlights")
    d.bullets([
        "96% of child protection conferences held within 15 working days",
        "318 children in care at the end of December 2022",
        "41 children became subject to a child protection plan in the quarter",
        "2 serious incident notifications made",
    ])
    n = ("bullet list, ZapfDingbats bullets and no final punctuation; one bullet's date must not "
         "spread to the next")
    d.fact("children_in_care", "318", as_at("2022-12-31"), note=n)
    d.fact("cp_plans_started", "41", quarter("2022-Q4"), note=n + "; quarter from the title")
    d.heading("Board meetings")
    d.table([label(60), Col(30, "L", "text"), Col(50, "L", "text")],
            ["Date", "Time", "Venue"], [
        Row([["12 April 2023"], ["10:00"], ["Room 2.14, Civic Centre"]]),
        Row([["21 June 2023"], ["14:00"], ["Room 1.05, Civic Centre"]]),
        Row([["13 September 2023"], ["10:00"], ["Council Chamber"]]),
    ], borders=True)
    return d


def t17() -> Paper:
    d = Paper("tuned", "t17_marlowby_year_end.pdf")
    d.title("Marlowby Council", "Children's Social Care: Year-End Indicators")
    d.para("Three years of the council's figures are shown beside the latest statistical "
           "neighbour and England averages.")
    cols = [label(58), val(19, fy(2019)), val(19, fy(2020)), val(19, fy(2021)), comp(20),
            comp(19), comp(12, "C")]
    head = ["Indicator", "2019-20", "2020-21", "2021-22", "Stat. nbrs", "England", "DoT"]
    n = "4-line label, values on the line noted; no borders; 2019-20 columns then comparators"
    d.table(cols, head, [
        Row([["Number of children who", "became the subject of a", "child protection plan",
              "during the year"], "301", "284", "322", "n/a", "n/a", "Up"], vline=0,
            kpi="cp_plans_started"),
        Row([["Number of contacts", "progressing to a", "referral to children's",
              "social care"], "2,544", "2,410", "2,631", "n/a", "n/a", "Up"], vline=3,
            kpi="referrals"),
        Row([["Percentage of referrals", "that were a re-referral", "within 12 months of a",
              "previous referral"], "24.2", "22.9", "23.7", "21.8", "21.5", "Up"], vline=2,
            kpi="rereferral_rate"),
        Row([["Number of children in", "need (including those", "on a plan or in care)",
              "at 31 March"], "2,105", "2,046", "2,178", "n/a", "n/a", "Up"], vline=1,
            kpi="children_in_need"),
        Row([["Rate of children on", "a child protection", "plan per 10,000", "children"],
             "35.4", "33.6", "37.1", "39.8", "41.4", "Up"], vline=3,
            kpi="cp_plans_rate_per_10k"),
    ], note=n)
    return d


def t18() -> Paper:
    d = Paper("tuned", "t18_quenby_income.pdf")
    d.title("Quenby Safeguarding Children Partnership", "Finance Report")
    d.para("The tables show the partnership's income and spending in the last two years.")
    d.caption("Partnership income")
    cols = [label(96), val(34, fy(2021)), val(34, fy(2022))]
    n = "partner rows, pound signs in every cell, 2021/22 columns; bordered"
    d.table(cols, ["Partner", "2021/22", "2022/23"], [
        Row([["Quenby Council"], "£121,500", "£126,400"], kpi="agency_contribution",
            subject="Quenby Council"),
        Row([["Health (Integrated Care Board)"], "£80,250", "£83,100"],
            kpi="agency_contribution", subject="Health (Integrated Care Board)"),
        Row([["Quenby Police"], "£35,000", "£36,400"], kpi="agency_contribution",
            subject="Quenby Police"),
        Row([["Probation"], "£5,200", "£5,400"], kpi="agency_contribution", subject="Probation"),
        Row([["Total contributions"], "£241,950", "£251,300"], kpi="budget_contributions",
            bold=True),
        Row([["Balance brought forward"], "£18,600", "£12,950"], kpi="budget_carry_forward"),
        Row([["Total budget available"], "£260,550", "£264,250"], kpi="budget_total",
            bold=True),
    ], borders=True, note=n)
    d.caption("Partnership expenditure")
    d.table(cols, ["Item", "2021/22", "2022/23"], [
        Row([["Business unit"], "£171,300", "£178,900"]),
        Row([["Independent scrutiny"], "£24,000", "£24,500"]),
        Row([["Learning and reviews"], "£52,300", "£48,400"]),
        Row([["Total expenditure"], "£247,600", "£251,800"], kpi="expenditure_total", bold=True),
    ], borders=True, note="expenditure table; only its total is a KPI")
    return d


def t19() -> Paper:
    d = Paper("tuned", "t19_brindlecombe_scp.pdf")
    d.title("Brindlecombe Safeguarding Children Partnership", "Annual Report 2022/23")
    d.heading("How children are kept safe")
    d.para("The partnership's scrutiny of front-door practice this year looked at how quickly "
           "contacts are screened and how often families are referred again within a year. The "
           "findings are set out in the learning section of this report.")
    d.para("The table shows the council's figures for the last three years beside the average "
           "of its statistical neighbours. It continues overleaf.")
    d.para("Partners have agreed to look again at the thresholds document in the coming year, so "
           "that schools and health staff share one view of when a referral is needed.")
    d.para("Each partner agency has also agreed to audit a sample of the referrals it made, and "
           "to bring what it finds to the partnership's quality assurance group.")
    d.bar_chart("Figure 2: Contacts screened within one working day (%)", [("Q1", "71"),
                ("Q2", "76"), ("Q3", "83"), ("Q4", "88")], 100, [0, 25, 50, 75, 100], width=100,
                height=58)
    d.para("Screening times improved in every quarter after the front door moved to a single "
           "team, and the partnership will keep them under review.")
    cols = [label(76), val(21, fy(2020)), val(21, fy(2021)), val(21, fy(2022)), comp(24)]
    n = ("table broken across the page, header not repeated on page 2; wrapped labels, values on "
         "the first line; bordered; 2020/21 columns then Stat. nbrs")
    d.table(cols, ["Measure", "2020/21", "2021/22", "2022/23", "Stat. nbrs"], [
        Row([["Referrals to children's social", "care"], "2,306", "2,451", "2,587", "n/a"],
            kpi="referrals"),
        Row([["Re-referrals within 12 months", "of the previous referral (%)"], "20.9", "19.7",
             "18.3", "22.6"], kpi="rereferral_rate"),
        Row([["Children in need at the end of", "the year"], "1,814", "1,877", "1,932", "n/a"],
            kpi="children_in_need"),
    ], borders=True, note=n)
    d.footer("4")
    d.new_page()
    d.table(cols, None, [
        Row([["Children who became subject to", "a child protection plan"], "233", "251", "262",
             "n/a"], kpi="cp_plans_started"),
        Row([["Children subject to a child", "protection plan at year end"], "207", "219", "228",
             "n/a"], kpi="cp_plans"),
        Row([["Rate per 10,000 children"], "36.2", "38.3", "39.9", "41.7"],
            kpi="cp_plans_rate_per_10k"),
        Row([["Children in care at year end"], "344", "352", "367", "n/a"],
            kpi="children_in_care"),
        Row([["Rate per 10,000 children"], "60.1", "61.5", "64.2", "66.0"],
            kpi="children_in_care_rate_per_10k"),
    ], borders=True, note=n)
    d.heading("Looking back to 2021/22")
    d.para("The partnership delivered 61 multi-agency training courses and 1,205 delegates "
           "attended them.")
    n = "section heading names an earlier year than the title; it governs the sentence under it"
    d.fact("training_courses", "61", fy(2021), note=n)
    d.fact("training_delegates", "1,205", fy(2021), note=n)
    d.heading("Priorities for the coming year")
    d.para("Neglect, exploitation and the voice of the child remain the partnership's priorities.")
    d.footer("5")
    return d


def t20() -> Paper:
    d = Paper("tuned", "t20_tollbridge_hawkmoor_scp.pdf")
    d.title("Tollbridge and Hawkmoor Safeguarding Children Partnership", "Annual Report 2022/23")
    d.heading("The two areas compared")
    d.para("The partnership serves two councils. Each council's figures for the last two years "
           "are shown side by side.")
    areas = ("Tollbridge", "Hawkmoor")
    cols = [label(66)] + [val(27, fy(y), subject=a) for a in areas for y in (2021, 2022)]
    n = "two-level header: an area spanning a column per year; bordered"
    d.table(cols, ["", "2021/22", "2022/23", "2021/22", "2022/23"], [
        Row([["Referrals to children's", "social care"], "1,918", "2,036", "1,204", "1,311"],
            kpi="referrals"),
        Row([["Children who became subject to", "a child protection plan"], "207", "224", "133",
             "141"], kpi="cp_plans_started"),
        Row([["Re-referrals within 12", "months (%)"], "21.7", "19.9", "17.3", "18.6"],
            kpi="rereferral_rate"),
    ], borders=True, groups=[("", 1), ("Tollbridge", 2), ("Hawkmoor", 2)], note=n)
    d.heading("Children on plans and in care")
    cols = [label(66)] + [val(27, as_at(day), subject=a)
                          for day in ("2022-03-31", "2023-03-31") for a in areas]
    n = "two-level header: an as-at date spanning a column per area; no borders"
    d.table(cols, ["", "Tollbridge", "Hawkmoor", "Tollbridge", "Hawkmoor"], [
        Row([["Children subject to a child", "protection plan"], "188", "117", "196", "109"],
            kpi="cp_plans"),
        Row([["Children in care"], "402", "251", "415", "263"], kpi="children_in_care"),
    ], groups=[("", 1), ("At 31 March 2022", 2), ("At 31 March 2023", 2)], note=n)
    d.para("Hawkmoor's smaller numbers reflect its smaller child population; its rates are "
           "close to Tollbridge's.")
    return d


# ============================================================================================
# held-out set: never tune a reader on these
# ============================================================================================

def h01() -> Paper:
    d = Paper("heldout", "h01_corrington_indicators.pdf")
    d.title("Corrington County Council", "Children's Services Key Indicators")
    d.para("Indicators carry their reference from the council's performance framework.")
    cols = [Col(18, "L", "code"), label(64), val(24, as_at("2022-03-31")),
            val(24, as_at("2023-03-31")), comp(18), comp(14, "C")]
    head = ["Ref", "Measure", ["31 March", "2022"], ["31 March", "2023"], "Target", "RAG"]
    n = "code column; wrapped label, values on its last line; 31 March yyyy columns; bordered"
    d.table(cols, head, [
        Row(["CSC 01", ["Children in need", "(open cases)"], "2,236", "2,318", "-", "-"],
            vline=1, kpi="children_in_need"),
        Row(["CSC 02", ["Children subject to a", "child protection", "plan"], "274", "251", "260",
             "G"], vline=2, kpi="cp_plans"),
        Row(["CSC 03", ["Children on a plan", "per 10,000"], "44.0", "40.3", "42.0", "G"],
            vline=1, kpi="cp_plans_rate_per_10k"),
        Row(["CIC 4", ["Looked after", "children"], "455", "471", "450", "A"], vline=1,
            kpi="children_in_care"),
        Row(["PI 7", ["Care leavers in", "suitable", "accommodation (%)"], "88", "91", "90", "G"],
            vline=2),
    ], borders=True, note=n)
    return d


def h02() -> Paper:
    d = Paper("heldout", "h02_saltmarsh_crayle_partnership.pdf", "Times")
    d.title("Saltmarsh and Crayle Safeguarding Partnership", "Annual Report")
    d.para("The partnership serves two unitary councils, one largely rural and one urban.")
    d.heading("Activity in 2022-23")
    cols = [label(74), val(30, subject="Saltmarsh"), val(30, subject="Crayle"),
            val(36, subject="")]
    head = ["", "Saltmarsh", "Crayle", "Partnership total"]
    d.table(cols, head, [
        Row([["Referrals"], "1,376", "2,018", "3,394"], kpi="referrals"),
        Row([["Children becoming subject", "to a CP plan"], "152", "219", "371"],
            kpi="cp_plans_started"),
    ], period=fy(2022), note="area columns, period from the section heading; no borders")
    d.caption("Children in care at 31 March 2023")
    d.table(cols, head, [
        Row([["Children in care"], "208", "327", "535"], kpi="children_in_care"),
        Row([["Rate per 10,000"], "44.9", "71.3", "59.2"], kpi="children_in_care_rate_per_10k"),
    ], period=as_at("2023-03-31"), note="area columns, period from the caption; no borders")
    return d


def h03() -> Paper:
    d = Paper("heldout", "h03_hartsop_training.pdf")
    d.title("Hartsop Safeguarding Children Partnership", "Training Report")
    d.caption("Table 4: Multi-agency training, April 2022 to March 2023")
    cols = [label(80), val(24, kpi="training_courses"), val(30, kpi="training_places_offered"),
            val(30, kpi="training_delegates")]
    head = ["Course", "Courses", ["Places", "offered"], ["Delegates", "attended"]]
    courses = [
        (["Introduction to safeguarding"], "14", "350", "318"),
        (["Safer recruitment for", "managers"], "4", "60", "57"),
        (["Harmful sexual behaviour", "(AIM3 model)"], "5", "100", "84"),
        (["Private fostering", "awareness"], "3", "75", "49"),
    ]
    rows = [Row([c[0], c[1], c[2], c[3]], vline=len(c[0]) - 1, subject=" ".join(c[0]))
            for c in courses]
    rows.append(Row([["All courses"], "26", "585", "508"], bold=True))
    d.table(cols, head, rows, period=fy(2022),
            note="measure columns, wrapped course names with values on the last line; period "
                 "from the caption")
    d.para("Attendance fell on the shorter awareness courses, which will move online next year.")
    return d


def h04() -> Paper:
    d = Paper("heldout", "h04_corrow_vale_budget.pdf")
    d.title("Corrow Vale Safeguarding Children Board", "Budget Report 2023/24")
    d.para("The board's funding formula was agreed by the three statutory partners and is "
           "reviewed each year. Other agencies contribute by agreement, and the formula sets "
           "each statutory partner's share of the whole.")
    d.para("The business unit supports the board's subgroups, its learning programme and its "
           "independent scrutiny. Case reviews are paid for from a reserve that the board keeps "
           "for the purpose, so that one review does not unbalance a year's budget.")
    d.heading("Spending plans")
    d.para("Planned spending for the coming year is shown below by heading. The board will "
           "review it at mid-year.")
    d.bar_chart("Planned spending 2023-24 (£000)", [("Unit", "186"), ("Learning", "52"),
                ("Scrutiny", "31"), ("Reviews", "40")], 200, [0, 50, 100, 150, 200], width=100,
                height=62)
    d.para("The largest heading is the business unit, whose staff support every subgroup. "
           "Learning covers the multi-agency training programme and the annual conference.")
    d.heading("Contributions")
    d.para("Each agency's contribution for the last year and this one is shown below.")
    cols = [label(96), val(34, fy(2022)), val(34, fy(2023))]
    n = "partner table broken across the page, header not repeated; pound signs; 2022-23 columns"
    d.table(cols, ["Contributing agency", "2022-23", "2023-24"], [
        Row([["Corrow Vale County Council"], "£164,000", "£170,560"],
            kpi="agency_contribution", subject="Corrow Vale County Council"),
        Row([["Corrow Vale Integrated Care", "Board"], "£97,500", "£101,400"],
            kpi="agency_contribution", subject="Corrow Vale Integrated Care Board"),
    ], borders=True, note=n)
    d.footer("1")
    d.new_page()
    d.table(cols, None, [
        Row([["Corrow Vale Police"], "£41,250", "£42,900"], kpi="agency_contribution",
            subject="Corrow Vale Police"),
        Row([["Probation"], "£7,300", "£7,600"], kpi="agency_contribution", subject="Probation"),
        Row([["Fire and Rescue Service"], "£2,500", "£2,600"], kpi="agency_contribution",
            subject="Fire and Rescue Service"),
        Row([["Total"], "£312,550", "£325,060"], kpi="budget_contributions", bold=True),
        Row([["Balance brought forward"], "£9,870", "£14,230"], kpi="budget_carry_forward"),
    ], borders=True, note=n)
    d.para("The balance brought forward is held for the costs of case reviews.")
    d.footer("2")
    return d


def h05() -> Paper:
    d = Paper("heldout", "h05_pellingham_year_at_a_glance.pdf")
    d.title("Pellingham Children's Services", "Annual Report 2021/22")
    d.heading("The year at a glance")
    n = "grid of headline blocks, label below; period from the title"
    grid = [
        ("2,764", ["referrals received"], "referrals"),
        ("318", ["children on a child protection", "plan (2020/21: 296)"], "cp_plans"),
        ("427", ["children looked after"], "children_in_care"),
        ("20.6%", ["re-referrals within 12 months"], "rereferral_rate"),
        ("1,965", ["children in need"], "children_in_need"),
        ("52.4", ["children in care per 10,000"], "children_in_care_rate_per_10k"),
    ]
    top = d.y
    for i, (num, lab, kpi) in enumerate(grid):
        d.block(MARGIN + (i % 2) * 62, top + (i // 2) * 28, num, lab)
        d.fact(kpi, num, fy(2021), note=n)
    d.fact("cp_plans", "296", fy(2020),
           note="bracketed prior-year figure in a headline label; must not date the other blocks")
    d.pdf.set_draw_color(150)
    d.pdf.line(MARGIN + 126, top, MARGIN + 126, top + 80)
    d.pdf.set_draw_color(0)
    d.y = top
    d.line("Training", 11, "B", x=MARGIN + 132, width=40)
    d.block(MARGIN + 132, top + 10, "1,512", ["Delegates trained"], label_above=True, size=20)
    d.block(MARGIN + 132, top + 32, "67", ["Courses delivered"], label_above=True, size=20)
    n = "headline block, label above the number; period from the title"
    d.fact("training_delegates", "1,512", fy(2021), note=n)
    d.fact("training_courses", "67", fy(2021), note=n)
    d.y = top + 90
    d.para("The full report sets out what lies behind each of these figures.")
    return d


def h06() -> Paper:
    d = Paper("heldout", "h06_ludbrook_annual_report.pdf", "Times")
    d.line("Children and Young People Scrutiny Panel, 19 January 2023", 10, gap=2.4)
    d.title("Ludbrook Safeguarding Children Partnership", "Annual Report 2021/22")
    d.line("Presented to Cabinet, October 2022", 10, "I", gap=2.2)
    d.y += 2
    n = ("period from the title; the meeting line, the dateline and a body line beginning "
         "'Annual Report 2019/20' must not date it")
    d.heading("Children's social care")
    d.lines([
        "The front door was restructured following the recommendations in the partnership's",
        "Annual Report 2019/20 and the multi-agency safeguarding hub now screens every",
        "contact. The service received 1,987 referrals during the year. The re-referral rate",
        "was 21.8%.",
    ])
    d.fact("referrals", "1,987", fy(2021), note=n)
    d.fact("rereferral_rate", "21.8", fy(2021), note=n)
    d.heading("Position at 31 March 2022")
    d.para("At that date 311 children were subject to a child protection plan and 498 children "
           "were in care.")
    n2 = "section heading names the as-at date"
    d.fact("cp_plans", "311", as_at("2022-03-31"), note=n2)
    d.fact("children_in_care", "498", as_at("2022-03-31"), note=n2)
    d.heading("Training")
    d.para("Over the year the partnership delivered 49 multi-agency training courses to 1,018 "
           "delegates.")
    d.fact("training_courses", "49", fy(2021), note=n)
    d.fact("training_delegates", "1,018", fy(2021), note=n)
    return d


def h07() -> Paper:
    d = Paper("heldout", "h07_yarrowby_review.pdf")
    d.title("Yarrowby Council", "Early Help and Safeguarding Review 2022/23")
    two_columns(d, [
        ("Help at the right time",
         "More families asked for early help this year than ever before. Social care received "
         "2,287 referrals in 2022/23. During the year 263 children became the subject of a child "
         "protection plan. At 31 March 2023, 341 children were in care, most of them placed "
         "within the county."),
    ], [
        ("Training the workforce",
         "The partnership ran 52 multi-agency training courses in 2022/23, covering neglect, "
         "exploitation and domestic abuse. In all 1,090 delegates attended, from schools, health, "
         "the police and the voluntary sector. New courses on online safety begin in spring."),
    ])
    n = "two-column prose: the sentence must be read down its own column"
    d.fact("referrals", "2,287", fy(2022), note=n)
    d.fact("cp_plans_started", "263", fy(2022), note=n)
    d.fact("children_in_care", "341", as_at("2023-03-31"), note=n)
    d.fact("training_courses", "52", fy(2022), note=n)
    d.fact("training_delegates", "1,090", fy(2022), note=n)
    d.caption("Key measures")
    d.table([label(80), val(26, month("2022-03")), val(26, month("2023-03")), comp(26)],
            ["Measure", "Mar-22", "Mar-23", "England"], [
        Row([["Children in care"], "329", "341", "n/a"], kpi="children_in_care"),
        Row([["Rate per 10,000"], "48.6", "50.3", "70.0"], kpi="children_in_care_rate_per_10k"),
        Row([["Children on a CP plan"], "244", "231", "n/a"], kpi="cp_plans"),
    ], note="Mar-yy columns then England; no borders")
    d.heading("The partnership")
    text = ("The council works with its partners through the Yarrowby Safeguarding Children "
            "Partnership, whose annual conference in October 2022 was attended by 184 "
            "practitioners. At 31 March 2023 the partnership's business plan had 36 actions, of "
            "which 29 had been completed, and the rest are carried into the new plan. The "
            "partnership will publish its own annual report in the autumn.")
    flowing_columns(d, text, "At 31 March 2023 the partnership")
    n = ("two-column text flowing from the foot of the left column to the head of the right; "
         "the column break falls inside a sentence")
    d.fact("conference_delegates", "184", month("2022-10"), note=n + "; the conference's month")
    d.fact("plan_actions_total", "36", as_at("2023-03-31"), note=n)
    d.fact("plan_actions_completed", "29", as_at("2023-03-31"), note=n)
    d.heading("Key facts for 2022/23")
    d.bullets([
        "1,412 children in need at 31 March 2023",
        "19.2% of referrals were re-referrals within 12 months",
        "47 children became looked after during the year",
    ])
    n = ("bullet list, ZapfDingbats bullets and no final punctuation; one bullet's date must not "
         "spread to the next")
    d.fact("children_in_need", "1,412", as_at("2023-03-31"), note=n)
    d.fact("rereferral_rate", "19.2%", fy(2022), note=n + "; period from the heading")
    d.caption("Training timetable, spring 2024")
    d.table([label(34), Col(70, "L", "text"), Col(20, "L", "text"), Col(40, "L", "text")],
            ["Date", "Course", "Time", "Venue"], [
        Row([["17 January 2024"], ["Introduction to safeguarding"], ["09:30"], ["Yarrowby Hub"]]),
        Row([["7 February 2024"], ["Neglect toolkit"], ["13:00"], ["Online"]]),
        Row([["6 March 2024"], ["Safer sleep"], ["10:00"], ["Room 3, Town Hall"]]),
    ], borders=True)
    return d


def h08() -> Paper:
    d = Paper("heldout", "h08_tarnby_quarterly.pdf")
    d.title("Tarnby Borough Council", "Children's Social Care Quarterly Report",
            "Quarters 1 and 2, 2023/24")
    cols = [label(62), val(22, quarter("2023-Q2")), val(22, quarter("2023-Q3")), comp(22),
            comp(20), comp(14, "C")]
    head = ["Measure", "Q1 23/24", "Q2 23/24", "Stat. nbrs", "England", "RAG"]
    n = ("wrapped label, values on its first line; no borders; Q1 23/24 columns then "
         "Stat. nbrs/England/RAG")
    d.table(cols, head, [
        Row([["Referrals in the quarter"], "604", "633", "n/a", "n/a", "-"], kpi="referrals"),
        Row([["Re-referrals within 12", "months (%)"], "19.8", "21.2", "22.4", "22.0", "A"],
            kpi="rereferral_rate"),
        Row([["Children on a CP plan", "(end of quarter)"], "188", "197", "-", "-", "-"],
            kpi="cp_plans"),
        Row([["CP rate per 10,000", "(end of quarter)"], "36.1", "37.8", "41.0", "42.1", "G"],
            kpi="cp_plans_rate_per_10k"),
    ], stripes=True, note=n + "; every other row shaded")
    d.caption("Social work capacity, September 2023")
    d.table([label(62), comp(34), comp(34), comp(30)],
            ["Team", ["Social workers", "(FTE)"], ["Average", "caseload"], ["Agency", "workers"]], [
        Row([["Children in care"], "16.5", "14", "3"]),
        Row([["Child protection"], "12.0", "17", "2"]),
        Row([["Children with disabilities"], "6.0", "11", "0"]),
        Row([["Total"], "34.5", "15", "5"], bold=True),
    ], borders=True)
    d.para("Caseloads are the average number of children per qualified social worker.")
    return d


def h09() -> Paper:
    d = Paper("heldout", "h09_ravensby_coldharbour_report.pdf")
    d.title("Ravensby and Coldharbour Children's Safeguarding Partnership",
            "Annual Report 2022/23")
    d.para("Figures are given for each council so that the partnership board can see where "
           "demand differs.")
    areas = ("Ravensby", "Coldharbour")
    cols = [label(62)] + [val(28, as_at(day), subject=a)
                          for day in ("2022-03-31", "2023-03-31") for a in areas]
    n = "two-level header: an as-at date spanning a column per area; bordered"
    d.table(cols, ["Measure", "Ravensby", "Coldharbour", "Ravensby", "Coldharbour"], [
        Row([["Children in need"], "1,530", "2,214", "1,577", "2,190"], kpi="children_in_need"),
        Row([["Children with a child", "protection plan"], "171", "243", "182", "229"], vline=1,
            kpi="cp_plans"),
        Row([["Children looked after"], "298", "446", "306", "458"], kpi="children_in_care"),
    ], borders=True, groups=[("", 1), ("31 March 2022", 2), ("31 March 2023", 2)], note=n)
    cols = [label(62)] + [val(28, fy(y), subject=a) for a in areas for y in (2021, 2022)]
    n = "two-level header: an area spanning a column per year; no borders"
    d.table(cols, ["", "2021-22", "2022-23", "2021-22", "2022-23"], [
        Row([["Multi-agency training", "courses"], "38", "44", "51", "57"],
            kpi="training_courses"),
        Row([["Delegates attending"], "812", "901", "1,096", "1,187"], kpi="training_delegates"),
    ], groups=[("", 1), ("Ravensby", 2), ("Coldharbour", 2)], note=n)
    return d


BUILDERS = [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16, t17,
            t18, t19, t20, h01, h02, h03, h04, h05, h06, h07, h08, h09]


def write_all(root: Path = ROOT) -> int:
    """Write every document and expected.csv under `root` (the test writes to a temporary
    folder to compare with the committed files); returns the number of facts."""
    facts: list[dict] = []
    for build in BUILDERS:
        facts.extend(build().save(root))
    with open(root / "expected.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(facts)
    return len(facts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else ROOT
    n = write_all(root)
    print(f"{len(BUILDERS)} documents, {n} expected facts in {root}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
