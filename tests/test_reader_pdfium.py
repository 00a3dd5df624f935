"""The PDFium reader's runs: a run's text is the page text from its first character to the next
run's, and a run's first character is found without a scan of the page where PDFium's line
gives it (the line's first run), by PDFium's search at the run's edge otherwise, and by a walk
over the line's characters where that search fails (text drawn over text, a glyph narrower than
its box). Whichever way, the runs are the same."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

import kpi_extract.readers.pdfium as reader


def minimal_pdf(stream: bytes) -> bytes:
    """One A4 page drawing `stream` in Helvetica, with a correct cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


# a heading, then a table row drawn as three text objects on one line, then a sentence
STREAM = (b"BT /F1 14 Tf 72 760 Td (Children in care) Tj ET\n"
          b"BT /F1 10 Tf 72 700 Td (Children in care) Tj ET BT /F1 10 Tf 300 700 Td (1,109) Tj ET "
          b"BT /F1 10 Tf 400 700 Td (1,152) Tj ET\n"
          b"BT /F1 10 Tf 72 660 Td (At 31 March 2023 there were 412 children on plans.) Tj ET\n")


def _runs(path) -> list[tuple]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        model, _ = reader.page_model(page)
        page.close()
        return [(r.text, r.x0, r.top, r.size, r.bold) for r in model.runs]
    finally:
        pdf.close()


@pytest.fixture
def page_pdf(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_bytes(minimal_pdf(STREAM))
    return path


def test_each_text_object_is_a_run_with_its_text_and_type(page_pdf):
    runs = _runs(page_pdf)
    assert [r[0].strip() for r in runs] == ["Children in care", "Children in care", "1,109", "1,152",
                                            "At 31 March 2023 there were 412 children on plans."]
    assert runs[0][3] == 14.0 and runs[1][3] == 10.0
    assert 300 <= runs[2][1] < 302 and 400 <= runs[3][1] < 402  # (a digit's glyph starts after its side bearing)


def test_where_pdfium_finds_no_character_at_a_runs_edge_the_line_is_walked(page_pdf, monkeypatch):
    """PDFium answers -1 for a point that misses every glyph's box: the run's first character
    then comes from a walk over its line, and the runs are those the search would have given."""
    expected = _runs(page_pdf)
    walked = []
    real_walk = reader._walked
    monkeypatch.setattr(reader, "_walked", lambda *a: walked.append(a[2:]) or real_walk(*a))
    monkeypatch.setattr(reader.pdfium_c, "FPDFText_GetCharIndexAtPos", lambda *a: -1)
    assert _runs(page_pdf) == expected
    assert len(walked) == 1  # the table row: the only line of more than one run


def test_where_pdfium_names_an_earlier_character_the_line_is_walked(page_pdf, monkeypatch):
    """Text drawn over text: the character under a run's edge belongs to an earlier run."""
    expected = _runs(page_pdf)
    monkeypatch.setattr(reader.pdfium_c, "FPDFText_GetCharIndexAtPos", lambda *a: 0)
    assert _runs(page_pdf) == expected
