"""Whether two URLs belong to the same site: the same registrable domain (``lemonde.fr`` for
``www.lemonde.fr`` and ``abonnes.lemonde.fr``), read from the Public Suffix List that the ``tld``
package bundles (no network: its list is never updated at run time)."""

from __future__ import annotations

from urllib.parse import urlsplit


def registrable_domain(url: str) -> str | None:
    """The URL's registrable domain, or None (an IP address, ``localhost``, an unknown suffix)."""
    from tld import get_fld

    try:
        return get_fld(url, fail_silently=True)
    except ValueError:
        return None


def same_site(url: str, other: str) -> bool:
    """Whether both URLs are on the same registrable domain (for hosts that have none, such as
    IP addresses, the same host)."""
    try:
        hosts = [urlsplit(u).hostname for u in (url, other)]
    except ValueError:
        return False
    if not all(hosts):
        return False
    domains = [registrable_domain(u) for u in (url, other)]
    if all(domains):
        return domains[0] == domains[1]
    return hosts[0] == hosts[1]
