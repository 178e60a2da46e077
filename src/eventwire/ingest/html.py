"""HTML pages: main text, title, site name and URL by trafilatura; publication date by htmldate.

Encoding is settled here, not by the extractor, so that a page whose declared
charset is wrong is read correctly and the mismatch is reported as a flag.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date

import htmldate
import trafilatura
from charset_normalizer import from_bytes

from eventwire.errors import DocumentError
from eventwire.model import Article, Flag

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
MAX_HTML_BYTES = 20_000_000
WEB_DEFAULT = "cp1252"
# Pages without text are reported as DocumentErrors; trafilatura's own warnings would repeat them.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def declared_charset(data: bytes, http_charset: str | None = None) -> str | None:
    """The charset the HTTP header or the page's own <meta> tag declares, if any."""
    if http_charset:
        return http_charset.strip().lower()
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def decode_html(
    data: bytes, source: str, http_charset: str | None = None
) -> tuple[str, list[Flag]]:
    """Bytes that are valid UTF-8 are UTF-8; else the declared charset; else detected and flagged.

    A page whose declaration contradicts its bytes is read as the bytes are and
    carries an ``encoding_mismatch`` flag, so the run goes on and the user is told.
    """
    declared = declared_charset(data, http_charset)
    declared_codec = codec_name(declared)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if declared and declared_codec != "utf-8" and not data.isascii():
            return text, [mismatch_flag(declared, "utf-8")]
        return text, []
    if declared_codec and declared_codec != "utf-8":
        try:
            return data.decode(declared_codec), []
        except UnicodeDecodeError:
            pass
    detected = detect_encoding(data)
    if detected is None:
        raise DocumentError(source, f"cannot decode the page (declared charset {declared!r})")
    return data.decode(detected, errors="replace"), [mismatch_flag(declared, detected)]


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's least chaotic reading; among equally clean ones, windows-1252.

    Short pages often read equally well in several single-byte code pages; the
    WHATWG Encoding Standard makes windows-1252 the web's legacy default, so a
    tie goes to it rather than to whichever code page happens to sort first.
    """
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == cleanest]
    for match in tied:
        if WEB_DEFAULT in match.could_be_from_charset:
            return WEB_DEFAULT
    return tied[0].encoding


def codec_name(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def mismatch_flag(declared: str | None, actual: str) -> Flag:
    return Flag(
        "encoding_mismatch",
        text=declared or "",
        detail=f"page declares {declared or 'no charset'}, but its bytes are {actual}",
    )


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


def publication_date(html: str, url: str) -> date | None:
    """The date the page's markup or URL gives (not dates mentioned in the story text)."""
    try:
        found = htmldate.find_date(
            html, original_date=True, extensive_search=False, url=url or None
        )
    except (ValueError, TypeError):
        return None
    return parse_date(found)


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
    published = publication_date(html, url)
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
