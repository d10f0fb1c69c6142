"""The public address: a publishing setting, never a guess.

The address comes from ``site_url`` in the document's settings file, or for
one build from the ``SITE_URL`` environment variable (``make build
SITE_URL=https://…/``), which wins. Without either, the site has no public
address and publishes none: no canonical link, ``og:url``, sitemap or
address in citations (see README, "Publishing").

An address must be a plain ``https://`` URL of a host that can be
published on. Reserved and local names never resolve for a reader, so a
link built on one is dead the moment it is shared: they are refused.

=========================================  =====================================
refused                                     why
=========================================  =====================================
``example.org``/``.com``/``.net`` and       reserved for documentation (RFC 2606)
their subdomains
``*.test``, ``*.invalid``, ``*.example``,   reserved top-level names (RFC 2606,
``*.localhost``, ``localhost``              RFC 6761)
``127.x.x.x``, ``::1``                      this machine (loopback)
=========================================  =====================================
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .diagnostics import Diagnostic, Location

ENVIRONMENT = "SITE_URL"
"""The environment variable that overrides ``site_url`` for one build."""
HOW_TO_SET = (
    "no public address: pages carry no canonical link, og:url, sitemap or address in citations; "
    "set site_url in {settings} or build with 'make build SITE_URL=https://…/'"
)
"""The one line a build without an address prints ({settings}: the file)."""

_RESERVED_DOMAINS = ("example.org", "example.com", "example.net")
_RESERVED_TOP_LEVEL = ("test", "invalid", "example", "localhost")


@dataclass(frozen=True)
class AddressSetting:
    """Where an address was given, so that an error can point at it."""

    value: str
    location: Location
    name: str
    """``site_url`` (the settings file) or ``SITE_URL`` (the environment)."""


def reserved(host: str) -> str | None:
    """Why ``host`` cannot be a public address, or ``None`` when it can."""
    host = host.lower().rstrip(".")
    if any(host == d or host.endswith("." + d) for d in _RESERVED_DOMAINS):
        return "a domain reserved for examples"
    labels = host.split(".")
    if labels[-1] in _RESERVED_TOP_LEVEL:
        return "a local address" if labels[-1] == "localhost" else f"a reserved name (.{labels[-1]})"
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return "a local address" if ip.is_loopback else None


_PLAIN = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?")


def check(setting: AddressSetting) -> tuple[str | None, list[Diagnostic]]:
    """The address with one final "/", or the diagnostics that refuse it."""
    value = setting.value.strip()
    parts = urlsplit(value)
    example = f"e.g. '{setting.name}: https://your-organisation.github.io/salvador/'"
    if setting.name == ENVIRONMENT:
        example = f"e.g. 'make build {ENVIRONMENT}=https://your-organisation.github.io/salvador/'"

    def refuse(problem: str, hint: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(setting.location, f"{setting.name} '{value}' {problem}", hint)]

    if parts.scheme != "https" or not parts.hostname:
        return refuse("is not an https:// address", f"give the public address of the site, {example}")
    if parts.query or parts.fragment or parts.username or parts.password or any(c.isspace() for c in value):
        return refuse("has a query, fragment, password or space",
                      f"give the address of the site's top folder only, {example}")
    why = reserved(parts.hostname)
    if why is not None:
        return refuse(f"is {why}, where no reader can follow a link",
                      f"give the address where the site is published, {example}, or leave it out "
                      "until it is known")
    if not _PLAIN.fullmatch(value):
        # The address lands in attributes, JSON, BibTeX and XML unescaped by
        # design (it is a URL): only characters that need no escaping pass.
        return refuse("has characters other than letters, digits and . - _ ~ % / :",
                      f"give a plain address, {example}")
    return value.rstrip("/") + "/", []
