"""Contact details in a dossier: e-mail addresses (also written "[at]", "(at)", " at ",
"[dot]"), phone numbers (French and international), social handles and profile links."""

from __future__ import annotations

import re
from collections.abc import Iterator

_AT = (
    r"(?:\s*(?:\[\s*(?:at|@|arobase)\s*\]|\(\s*(?:at|@|arobase)\s*\)|\{\s*(?:at|@)\s*\})\s*"
    r"|\s+(?:at|arobase)\s+|@)"
)
_DOT = r"(?:\s*(?:\[\s*(?:dot|point|\.)\s*\]|\(\s*(?:dot|point|\.)\s*\))\s*|\s+(?:dot|point)\s+|\.)"
EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,12}}\b",
    re.IGNORECASE,
)
_SOCIAL = (
    r"linkedin\.com|instagram\.com|instagr\.am|facebook\.com|fb\.com|twitter\.com|x\.com"
    r"|tiktok\.com|youtube\.com|youtu\.be|github\.com|behance\.net|dribbble\.com|pinterest\.\w+"
    r"|threads\.net|snapchat\.com|medium\.com|viadeo\.com|malt\.fr|linktr\.ee|twitch\.tv"
)
PROFILE = re.compile(
    rf"(?:https?://)?(?:[\w-]+\.)*(?:{_SOCIAL})/[^\s<>()\[\]{{}},;\"']+", re.IGNORECASE
)
HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_PHONES = (
    # +33 (0)6 12 34 56 78, 0033 6 12..., +41 79 123 45 67, +1 (514) 555-0199
    r"(?<![\w+])(?:\+|00)\s?[1-9]\d{0,2}(?:\s?\(0\))?(?:[\s.\-]?\(?\d{1,4}\)?){2,6}(?!\d)",
    # 06 12 34 56 78, 06.12.34.56.78, 079 123 45 67, 0470 12 34 56
    r"(?<![\w+])0\d{1,3}(?:[\s.\-]?\d{2,3}){3,4}(?!\d)",
)
PHONE = re.compile("|".join(_PHONES))
PHONE_DIGITS = (9, 15)


def contacts_in(text: str) -> Iterator[tuple[str, str]]:
    """(value, kind) for each contact detail in ``text``, profile links first (they hold
    handles), then e-mails, handles and phone numbers."""
    for pattern, kind in ((PROFILE, "PROFIL"), (EMAIL, "EMAIL"), (HANDLE, "COMPTE")):
        for match in pattern.finditer(text):
            yield match.group().strip(), kind
    for match in PHONE.finditer(text):
        if PHONE_DIGITS[0] <= sum(c.isdigit() for c in match.group()) <= PHONE_DIGITS[1]:
            yield match.group().strip(), "TELEPHONE"
