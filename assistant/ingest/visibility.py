"""One rule for "can a reader see this text": its colour against the colour behind it (WCAG
contrast ratio), its size and its width. Word processors' readers resolve the effective
colour, background, size and scaling, then ask ``unseen``; the PDF reader compares rendered
pixels with the same contrast measure."""

from __future__ import annotations

import math
import re

from assistant.document import HiddenReason

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
MIN_CONTRAST = 1.5  # WCAG contrast ratio under which body text does not stand out from its ground
LARGE_MIN_CONTRAST = 1.1  # under which even display-size letters (a watermark) vanish
BODY_PT, DISPLAY_PT = 16.0, 64.0  # sizes at which each threshold holds (log-linear between)
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


def min_contrast(size_pt: float | None) -> float:
    """The contrast a reader needs to see letters of this size: the eye picks out a large
    shape at a contrast that hides body text (a pale watermark is seen, pale small print is
    not). ``MIN_CONTRAST`` up to ``BODY_PT``, falling with the size's logarithm to
    ``LARGE_MIN_CONTRAST`` at ``DISPLAY_PT`` and above; unknown sizes count as body text."""
    if size_pt is None or size_pt <= BODY_PT:
        return MIN_CONTRAST
    share = min(math.log(size_pt / BODY_PT) / math.log(DISPLAY_PT / BODY_PT), 1.0)
    return MIN_CONTRAST - share * (MIN_CONTRAST - LARGE_MIN_CONTRAST)


def colour_reason(
    colour: tuple[int, ...], background: tuple[int, ...], size_pt: float | None = None
) -> HiddenReason | None:
    """``white_text`` or ``low_contrast`` when ``colour`` does not stand out from
    ``background`` for letters of ``size_pt`` points, else None."""
    if contrast(colour, background) >= min_contrast(size_pt):
        return None
    return "white_text" if min(background) >= 230 and min(colour) >= 230 else "low_contrast"


def unseen(
    colour: RGB | None, background: RGB, size_pt: float | None, scale: float | None
) -> HiddenReason | None:
    """Why text of this effective colour (None: automatic, always readable), background,
    size and horizontal scale cannot be read, else None."""
    if colour is not None:
        reason = colour_reason(colour, background, size_pt)
        if reason is not None:
            return reason
    if size_pt is not None and size_pt < TINY_FONT_PT:
        return "tiny_font"
    if scale is not None and scale < MIN_SCALE:
        return "compressed"
    return None
