"""Text that every document format can hold."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot hold (and so .docx, .xlsx and PDF text): C0 controls but
# tab, line feed and carriage return; DEL; non-characters; lone surrogates.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return XML_ILLEGAL.sub("", text)
