"""An HTML report to look at: a chart per KPI over time, and under it every figure with its source.

One self-contained file (Plotly's JavaScript is embedded; no CDN, no server), so it can be
mailed or opened from a share. A point on a chart is a series row (`series.py`); clicking it
highlights the figures behind it in the table below, each with its snippet and `document, page`,
linked to the PDF page when `--documents` says where the documents are: two clicks from a plotted
number to its source. Conflicting figures are drawn as red crosses beside the agreed point.
"""
from __future__ import annotations

import html
import os
from urllib.parse import quote
from collections import defaultdict
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, select_autoescape
from plotly.offline import get_plotlyjs

from . import __version__
from .series import plain_number, series_with_members

AGREED, ALTERNATIVE = "#1f5fa8", "#c0392b"
SUBJECT_COLOURS = ["#2a9d8f", "#8e6bbf", "#e09f3e", "#5c7c8a", "#9c6644"]  # sub-populations


def _point_key(kpi: str, subject: str, period: str) -> str:
    return f"{kpi}|{subject}|{period}"


def _x(row) -> str:
    return row["period_end"] or row["period_start"]


def _chart(kpi: str, unit: str, series: pd.DataFrame) -> str:
    fig = go.Figure()
    for n, (subject, rows) in enumerate(series.groupby("subject", sort=True)):
        rows = rows.sort_values(["period_end", "period"])
        name = html.escape(subject) if subject else "whole area"
        colour = AGREED if not subject else SUBJECT_COLOURS[n % len(SUBJECT_COLOURS)]
        conflict = rows["conflict"] == "true"
        fig.add_trace(go.Scatter(
            x=[_x(r) for _, r in rows.iterrows()], y=pd.to_numeric(rows["value"]), mode="lines+markers", name=name,
            customdata=[_point_key(kpi, subject, p) for p in rows["period"]],
            line={"color": colour},
            marker={"size": [13 if c else 9 for c in conflict], "color": colour,
                    "line": {"width": [3 if c else 0 for c in conflict], "color": ALTERNATIVE}},
            text=[f"{html.escape(r['period'])}: {r['value']} ({r['n_sources']} source{'s' if r['n_sources'] != '1' else ''})"
                  + (" - conflicting figures" if r["conflict"] == "true" else "") for _, r in rows.iterrows()],
            hovertemplate="%{text}<extra>" + name + "</extra>",
        ))
        alts = [(r, a) for _, r in rows.iterrows() if r["alternatives"] for a in r["alternatives"].split("; ")]
        if alts:
            fig.add_trace(go.Scatter(
                x=[_x(r) for r, _ in alts], y=[float(a.split(" ", 1)[0]) for _, a in alts], mode="markers",
                name=f"{name}: other figures", marker={"symbol": "x", "size": 11, "color": ALTERNATIVE},
                customdata=[_point_key(kpi, subject, r["period"]) for r, _ in alts],
                text=[f"{html.escape(r['period'])}: {html.escape(a)}" for r, a in alts],
                hovertemplate="%{text}<extra>conflict</extra>",
            ))
    fig.update_layout(margin={"l": 60, "r": 20, "t": 10, "b": 40}, height=320, template="plotly_white",
                      yaxis_title=unit, legend={"orientation": "h", "y": -0.2}, hovermode="closest")
    # a few points a year apart: show whole months, half a year either side, and the axis from zero
    days = pd.to_datetime([_x(r) for _, r in series.iterrows()])
    fig.update_xaxes(type="date", tickformat="%b %Y",
                     range=[days.min() - pd.Timedelta(days=183), days.max() + pd.Timedelta(days=183)])
    fig.update_yaxes(rangemode="tozero")
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{kpi}",
                       config={"displaylogo": False, "responsive": True})


def _href(document: str, page: str, documents: Path | None, out_dir: Path) -> str:
    """A link to a page of a document that is in `documents`, or none.

    The document name comes from a facts file, which may be crafted: `javascript:...`, an
    absolute path, `../../`. So a link is made only to an existing file inside the folder,
    every path segment is percent-encoded (a `:` cannot start a scheme) and the page must be a
    whole number."""
    if documents is None or not page.isdigit():
        return ""
    root = documents.resolve()
    target = (documents / document).resolve()
    if Path(document).is_absolute() or not target.is_relative_to(root) or not target.is_file():
        return ""
    rel = Path(os.path.relpath(target, out_dir.resolve())).as_posix()
    return "./" + quote(rel, safe="/") + f"#page={int(page)}"


def render(facts: pd.DataFrame, *, measures: dict[str, str] | None = None, labels: dict[str, str] | None = None,
           kpis: set[str] | None = None, documents: str | Path | None = None, out_path: str | Path = "report.html",
           source: str = "", title: str = "KPI report", review: str | None = None) -> str:
    """The report's HTML, as text. `review`: the review page's address when the review server
    serves the report, so that each figure links to its entry there."""
    labels = labels or {}
    if kpis:
        facts = facts[facts["kpi"].isin(kpis)]
    facts = facts.sort_values(["kpi", "period_end", "period", "document", "page"], kind="stable").reset_index(drop=True)
    series, members = series_with_members(facts, measures)
    docs = Path(documents) if documents else None
    out_dir = Path(out_path).resolve().parent

    by_kpi: dict[str, list[dict]] = defaultdict(list)
    for i, r in enumerate(facts.to_dict("records")):
        subject = r.get("subject", "")
        if i in members:
            row, agreed = members[i]
            point = series.iloc[row]
            status = ("agreed" if point["conflict"] == "false" else "conflict") if agreed else "alternative"
            key = _point_key(r["kpi"], subject, point["period"])
        else:
            status, key = "none", ""
        by_kpi[r["kpi"]].append({
            "id": f"f{i}", "period": r["period"], "value": plain_number(r["value"]), "subject": subject,
            "document": r["document"], "page": r["page"], "snippet": r["snippet"], "method": r["method"],
            "confidence": r["confidence"], "href": _href(r["document"], r["page"], docs, out_dir),
            "status": status, "point": key, "reviewed": r.get("reviewed", ""),
            "review_href": f"{review}#{quote(r['fact_id'])}" if review is not None and r.get("fact_id") else "",
            "status_text": {"agreed": "agreed", "conflict": "agreed; others differ",
                            "alternative": "conflicting figure", "none": "no period: not plotted"}[status],
        })
    sections = []
    order = list(labels) if labels else []
    for kpi in sorted(by_kpi, key=lambda k: (order.index(k) if k in order else len(order), k)):
        rows = series[series["kpi"] == kpi]
        unit = by_kpi[kpi] and facts[facts["kpi"] == kpi]["unit"].iloc[0]
        sections.append({
            "id": kpi, "label": labels.get(kpi, kpi), "unit": unit, "rows": by_kpi[kpi],
            "conflicts": int((rows["conflict"] == "true").sum()),
            "chart": _chart(kpi, unit, rows) if not rows.empty else "",
        })
    env = Environment(loader=PackageLoader("kpi_extract", "templates"), autoescape=select_autoescape(["html"]))
    return env.get_template("report.html").render(
        title=title, kpis=sections, n_facts=len(facts), n_documents=facts["document"].nunique(),
        n_points=len(series), n_conflicts=int((series["conflict"] == "true").sum()),
        plotlyjs=get_plotlyjs(), version=__version__, source=source,
    )
