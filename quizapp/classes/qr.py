"""The join link as a QR code, drawn as SVG here (segno): no external service sees the code."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> bytes:
    """An SVG of the URL's QR code, dark on white, with a quiet zone; scales without blur when printed."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff",
                                    title=title, xmldecl=True)
    return buffer.getvalue()
