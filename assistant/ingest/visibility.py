"""One rule for "can a reader see this text": its colour against the colour behind it (WCAG
contrast ratio), its size and its width. Word processors' readers resolve the effective
colour, background, size and scaling, then ask ``unseen``; the PDF reader compares rendered
pixels with the same contrast measure."""

from __future__ import annotations

import re

from assistant.document import HiddenReason

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
MIN_CONTRAST = 1.5  # WCAG contrast ratio under which text does not stand out from its ground
TINY_FONT_PT = 4.0
MIN_SCALE = 0.3  # horizontal scaling under which letters merge into a line
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def parse_hex(value: str | None) -> RGB | None:
    """'F7F7F7' or '#f7f7f7' as RGB; None for 'auto', 'transparent' or anything else."""
    match = _HEX.match((value or "").strip())
    if not match:
        return None
    number = int(match.group(1), 16)
    return ((number >> 16) & 255, (number >> 8) & 255, number & 255)


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """WCAG contrast ratio, from 1 (same luminance) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_reason(colour: RGB, background: RGB) -> HiddenReason | None:
    """``white_text`` or ``low_contrast`` when ``colour`` does not stand out, else None."""
    if contrast(colour, background) >= MIN_CONTRAST:
        return None
    return "white_text" if min(background) >= 230 and min(colour) >= 230 else "low_contrast"


def unseen(
    colour: RGB | None, background: RGB, size_pt: float | None, scale: float | None
) -> HiddenReason | None:
    """Why text of this effective colour (None: automatic, always readable), background,
    size and horizontal scale cannot be read, else None."""
    if colour is not None:
        reason = colour_reason(colour, background)
        if reason is not None:
            return reason
    if size_pt is not None and size_pt < TINY_FONT_PT:
        return "tiny_font"
    if scale is not None and scale < MIN_SCALE:
        return "compressed"
    return None
