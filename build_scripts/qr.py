"""QR codes of public addresses, as inline SVG.

A trainer projects a paragraph or hands it out on paper; a participant's
phone camera turns the code into the paragraph's public address. The code
is drawn by segno (pinned in requirements.txt) as one SVG path in module
units, so that it costs no request, scales to any size and prints sharply.
Same address → same bytes: segno's encoding is deterministic, and nothing
here depends on the time or the machine.

Only a public address is ever encoded (see :mod:`build_scripts.address`):
a site without one gets no QR code at all, never one of a placeholder or a
``file://`` path.
"""

from __future__ import annotations

import io

ERROR_LEVEL = "m"
"""Medium error correction (15 % of the code may be lost): a projected
code read across a room, or a printed one with a crease, still decodes."""
QUIET_ZONE = 4
"""The light margin, in modules, that readers need around the code
(ISO/IEC 18004); drawn inside the SVG so that a page's layout cannot
take it away."""


def qr_svg(address: str) -> str:
    """An ``<svg>`` element (no XML declaration, no size: the page's CSS
    sizes it) that encodes ``address``; dark modules are one path."""
    # Imported when a code is drawn (a site with a public address): its
    # imports (urllib.request, http, email) take a fortieth of a second.
    import segno  # noqa: PLC0415

    code = segno.make_qr(address, error=ERROR_LEVEL, boost_error=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        border=QUIET_ZONE,
        xmldecl=False,
        svgns=True,
        nl=False,
        omitsize=True,
        svgclass="sd-qr",
        lineclass=None,
        # A white quiet zone also when the page is in dark mode: readers
        # expect dark modules on light ground.
        light="#fff",
        dark="#000",
    )
    return out.getvalue().decode("ascii")
