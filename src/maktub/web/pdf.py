"""A document as PDF, by WeasyPrint: the print template, Urdu shaped right to left in Noto Nastaliq."""

from __future__ import annotations

import logging
from pathlib import Path


def document_pdf(html: str, static: Path) -> bytes:
    """The PDF of `html`, whose relative links (the stylesheets and fonts) point into `static`."""
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF route needs

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # it warns of every CSS property it skips
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf: bytes = HTML(string=html, base_url=str(static) + "/").write_pdf()
    return pdf
