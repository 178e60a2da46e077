"""HTML pages: main text, title, site name and URL by trafilatura; publication date by htmldate.

Encoding is settled here, not by the extractor, so that a page whose declared
charset is wrong is read correctly and the mismatch is reported as a flag.
"""

from __future__ import annotations

import re
from datetime import date

import htmldate
import trafilatura
from charset_normalizer import from_bytes

from eventwire.errors import DocumentError
from eventwire.model import Article, Flag

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
MAX_HTML_BYTES = 20_000_000


def declared_charset(data: bytes, http_charset: str | None = None) -> str | None:
    """The charset the HTTP header or the page's own <meta> tag declares, if any."""
    if http_charset:
        return http_charset.strip().lower()
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def decode_html(
    data: bytes, source: str, http_charset: str | None = None
) -> tuple[str, list[Flag]]:
    """Decode with the declared charset when it fits the bytes; otherwise detect and flag."""
    declared = declared_charset(data, http_charset)
    candidates = [declared] if declared else []
    candidates += [c for c in ("utf-8",) if c not in candidates]
    for encoding in candidates:
        try:
            return data.decode(encoding), []
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DocumentError(source, f"cannot decode the page (declared charset {declared!r})")
    flag = Flag(
        "encoding_mismatch",
        text=declared or "",
        detail=f"page declares {declared or 'no charset'}, bytes decode as {best.encoding}",
    )
    return data.decode(best.encoding, errors="replace"), [flag]


def text_paragraphs(extracted: str) -> str:
    """trafilatura puts one block per line; the pipeline wants a blank line between them."""
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(
    data: bytes | str,
    source: str,
    url: str = "",
    http_charset: str | None = None,
) -> Article:
    """One HTML page -> Article with text, title, outlet, URL and publication date."""
    if isinstance(data, bytes):
        if len(data) > MAX_HTML_BYTES:
            raise DocumentError(source, f"page is {len(data):,} bytes, larger than any article")
        html, flags = decode_html(data, source, http_charset)
    else:
        html, flags = data, []
    if not html.strip():
        raise DocumentError(source, "empty page")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise DocumentError(source, f"cannot parse HTML: {exc}") from exc
    if document is None or not (document.text or "").strip():
        raise DocumentError(source, "HTML page has no main text (no body or only navigation)")
    published = parse_date(htmldate.find_date(html, original_date=True, extensive_search=False, url=url or None))
    return Article(
        text=text_paragraphs(document.text),
        title=(document.title or "").strip(),
        outlet=(document.sitename or "").strip(),
        url=url or document.url or "",
        published=published,
        published_basis="html" if published else "",
        flags=flags,
        source=source,
    )
