"""Read a produced PDF back (text, fonts, pages) — for tests and the CLI. No Qt.

pypdf is a test/CLI dependency, imported only when these functions run.
"""

from __future__ import annotations

import io
import os
from typing import IO, Union

PdfSource = Union[str, os.PathLike, bytes, bytearray, memoryview, IO[bytes]]


def _reader(source: PdfSource):
    from pypdf import PdfReader

    if isinstance(source, (bytes, bytearray, memoryview)):
        return PdfReader(io.BytesIO(bytes(source)))
    if hasattr(source, "read"):
        source.seek(0)
    return PdfReader(source)


def pdf_text(source: PdfSource) -> str:
    """Extracted text of all pages, joined with newlines."""
    return "\n".join(pdf_page_texts(source))


def pdf_page_texts(source: PdfSource) -> list[str]:
    """Extracted text of each page."""
    return [page.extract_text() or "" for page in _reader(source).pages]


def pdf_page_count(source: PdfSource) -> int:
    return len(_reader(source).pages)


def _is_embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are content streams inside the PDF
    if subtype == "/Type0":
        return all(_is_embedded(d.get_object()) for d in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _collect(resources, found: dict, seen: set) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for ref in fonts.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "")).lstrip("/")
            found[name] = found.get(name, True) and _is_embedded(font)
    xobjects = resources.get("/XObject")
    if xobjects is not None:  # form XObjects carry their own resources
        for ref in xobjects.get_object().values():
            key = getattr(ref, "idnum", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Form":
                _collect(xobj.get("/Resources"), found, seen)


def pdf_fonts(source: PdfSource) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font used on any page, in first-seen order.
    Embedded means a FontFile/FontFile2/FontFile3 stream in the descriptor (for Type0 fonts,
    in every descendant font's descriptor)."""
    found: dict[str, bool] = {}
    seen: set = set()
    for page in _reader(source).pages:
        _collect(page.get("/Resources"), found, seen)
    return list(found.items())
