"""Printed forms built with reportlab (vouchers, sign-off sheets, bus manifests, door signs).

Shared foundation:

- ``fonts``    — finds and registers the embedded TrueType CJK font (``UDCJK``).
- ``pdfkit``   — canvas factory and drawing helpers every layout uses.
- ``pdfcheck`` — reads produced PDFs back (text, fonts, page count) for tests and the CLI.

No Qt here: every form can be produced headless.
"""
