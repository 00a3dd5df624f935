"""The review page: a local web page to accept, reject or correct facts, each beside its page.

`kpi-extract review FACTS --documents DIR` serves one self-contained HTML page (inline CSS and
JavaScript, nothing fetched from elsewhere: it works offline) and a small JSON API, from the
standard library's threading HTTP server bound to 127.0.0.1. The page walks the facts that need
a look first: those behind a conflict (another value was found for the same KPI and period),
then the least confident, then the rest. For each it shows the PDF page drawn by PDFium with the
figure's box marked (`pageimage.py`), the sentence, the period and where it came from. Every
decision is written to the ledger (`ledger.py`) when it is made, so closing the browser or
killing the server loses nothing.

The server only listens on the loopback address, answers only requests addressed to it by that
name (so a site that rebinds its own name to 127.0.0.1 cannot read the facts), shows only files inside `--documents`
that the facts name, and takes a decision only as a JSON POST from its own page (a page of
another site cannot send one: a cross-site JSON POST needs a CORS preflight, which is not
answered, and the Origin header, when sent, must be this server).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlparse

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from .ledger import CORRECTABLE, Decision, Ledger, LedgerError, orphan_lines
from .series import plain_number, series_with_members

LOW_CONFIDENCE = 0.8  # below this a reading borrowed its period or came from a fuzzy label
REASONS = ("conflict", "low confidence", "")


@dataclass
class Queue:
    """The facts in the order they are reviewed, and the latest decision on each."""

    facts: list[dict]
    documents: Path | None
    ledger: Ledger
    who: str
    report: Callable[[], str] | None = None  # the report's HTML, its figures linked to this page's entries
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, facts: pd.DataFrame, documents: str | Path | None, ledger: Ledger, who: str,
              measures: dict[str, str] | None = None, labels: dict[str, str] | None = None,
              source: str = "") -> "Queue":
        """Conflicts first, then low confidence, then the rest; within each, by document and page.
        A figure in two identical files has one fact_id and one entry (its first)."""
        series, members = series_with_members(facts, measures)
        entries: dict[str, dict] = {}
        for pos, r in enumerate(facts.to_dict("records")):
            if not r.get("fact_id") or r["fact_id"] in entries:
                continue
            alternatives = ""
            conflict = False
            if pos in members:
                row = series.iloc[members[pos][0]]
                conflict = row["conflict"] == "true"
                alternatives = row["alternatives"] if members[pos][1] else \
                    f"{row['value']} ({row['sources']})"
            try:
                confidence = float(r.get("confidence") or 0)
            except ValueError:
                confidence = 0.0
            reason = "conflict" if conflict else "low confidence" if confidence < LOW_CONFIDENCE else ""
            entries[r["fact_id"]] = {**{k: str(v) for k, v in r.items()}, "value": plain_number(str(r["value"])),
                                     "reason": reason, "others": alternatives if conflict else ""}
        ordered = sorted(entries.values(), key=lambda e: (REASONS.index(e["reason"]), e["document"],
                                                          int(e["page"]) if str(e["page"]).isdigit() else 0,
                                                          e["kpi"], e["fact_id"]))
        queue = cls(ordered, Path(documents) if documents else None, ledger, who)

        def report() -> str:
            """The report with the decisions made so far, each figure linked to its entry here."""
            from .ledger import apply
            from .report import render
            reviewed, _ = apply(facts, queue.decisions())
            return render(reviewed, measures=measures, labels=labels, source=source, title="KPI report", review="/")

        queue.report = report
        return queue

    def by_id(self, fact_id: str) -> dict | None:
        return next((f for f in self.facts if f["fact_id"] == fact_id), None)

    def decisions(self) -> dict[str, Decision]:
        with self.lock:
            return self.ledger.latest()

    def listing(self) -> dict:
        latest = self.decisions()
        ids = {f["fact_id"] for f in self.facts}
        return {"facts": [{**f, "decision": _decision_json(latest.get(f["fact_id"])),
                           "has_image": self.pdf(f) is not None} for f in self.facts],
                "orphans": [_decision_json(d) for d in latest.values() if d.fact_id not in ids],
                "who": self.who, "ledger": str(self.ledger.path), "correctable": list(CORRECTABLE)}

    def pdf(self, fact: dict) -> Path | None:
        """The fact's PDF, when it is a file inside --documents."""
        if self.documents is None or not fact["document"].lower().endswith(".pdf"):
            return None
        root = self.documents.resolve()
        target = (self.documents / fact["document"]).resolve()
        if Path(fact["document"]).is_absolute() or not target.is_relative_to(root) or not target.is_file():
            return None
        return target

    def decide(self, fact_id: str, action: str, changes: dict, note: str) -> Decision:
        fact = self.by_id(fact_id)
        if fact is None:
            raise LedgerError(f"{fact_id!r} is not a fact of this review")
        kept = {k: fact.get(k, "") for k in ("fact_id", "kpi", "value", "unit", "period", "period_kind", "subject",
                                              "area", "document", "page", "snippet")}
        with self.lock:
            return self.ledger.record(fact_id, action, who=self.who, note=note, changes=changes, fact=kept)


def _decision_json(d: Decision | None) -> dict | None:
    if d is None:
        return None
    return {"id": d.id, "fact_id": d.fact_id, "action": d.action, "who": d.who, "at": d.at, "note": d.note,
            "changes": d.changes, "text": d.describe()}


def page_html() -> str:
    env = Environment(loader=PackageLoader("kpi_extract", "templates"), autoescape=select_autoescape(["html"]))
    from . import __version__
    return env.get_template("review.html").render(version=__version__)


class _Handler(BaseHTTPRequestHandler):
    server: "ReviewServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:  # noqa: A002  the server is quiet; errors are answered
        pass

    def _send(self, status: int, body: bytes, kind: str, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "private, max-age=3600" if cache else "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'self' 'unsafe-inline' data: blob:")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data, status: int = 200) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self._json({"error": message}, status)

    def _foreign_host(self) -> bool:
        """A request for another host name: a page of another site that had its name resolved to
        127.0.0.1 (DNS rebinding) would otherwise read the facts."""
        port = self.server.server_address[1]
        if self.headers.get("Host", "") in (f"127.0.0.1:{port}", f"localhost:{port}"):
            return False
        self._error(403, "this page answers only as 127.0.0.1 or localhost")
        return True

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        if self._foreign_host():
            return
        url = urlparse(self.path)
        query = parse_qs(url.query)
        queue = self.server.queue
        try:
            if url.path == "/":
                self._send(200, self.server.page, "text/html; charset=utf-8")
            elif url.path == "/api/facts":
                self._json(queue.listing())
            elif url.path in ("/api/page.png", "/api/box"):
                fact = queue.by_id(query.get("fact", [""])[0])
                pdf = queue.pdf(fact) if fact else None
                if fact is None or pdf is None or not str(fact["page"]).isdigit():
                    self._error(404, "no page image for this fact (not a PDF inside --documents)")
                    return
                from .pageimage import figure_box, page_png
                if url.path == "/api/page.png":
                    self._send(200, page_png(pdf, int(fact["page"])), "image/png", cache=True)
                else:
                    box = figure_box(pdf, int(fact["page"]), fact["snippet"], fact["value"])
                    self._json({"box": box.to_json() if box else None})
            elif url.path == "/report":
                if queue.report is None:
                    self._error(404, "no report here")
                else:
                    self._send(200, queue.report().encode("utf-8", "backslashreplace"), "text/html; charset=utf-8")
            else:
                self._error(404, "not found")
        except (OSError, ValueError, IndexError, LedgerError) as e:
            self._error(500, f"{type(e).__name__}: {e}")

    def do_POST(self) -> None:  # noqa: N802
        if self._foreign_host():
            return
        origin = self.headers.get("Origin")
        host = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        if origin and origin not in (host, f"http://localhost:{self.server.server_address[1]}"):
            self._error(403, "decisions are taken only from this server's own page")
            return
        if urlparse(self.path).path != "/api/decision" or \
                not self.headers.get("Content-Type", "").startswith("application/json"):
            self._error(404, "POST a JSON decision to /api/decision")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= 100_000:
                raise ValueError("a decision of no or too many bytes")
            data = json.loads(self.rfile.read(length))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            changes = {k: data[k] for k in CORRECTABLE if data.get(k) not in (None, "")}
            decision = self.server.queue.decide(str(data.get("fact_id", "")), str(data.get("action", "")), changes,
                                                str(data.get("note", "")))
        except (ValueError, LedgerError) as e:
            self._error(400, str(e))
            return
        self._json(_decision_json(decision))


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, queue: Queue, port: int = 0):
        self.queue = queue
        self.page = page_html().encode("utf-8")
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


def orphans(queue: Queue) -> list[str]:
    """The ledger's decisions on facts this review does not have, as warning lines."""
    ids = {f["fact_id"] for f in queue.facts}
    return orphan_lines([d for d in queue.decisions().values() if d.fact_id not in ids], queue.ledger.path)
