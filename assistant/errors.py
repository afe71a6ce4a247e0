"""One small error hierarchy. Messages are French sentences for the user: what is wrong and
what to do. The technical cause goes to the log (``__cause__`` / ``detail``)."""

from __future__ import annotations


class ReviewError(Exception):
    """Base of every error a user may see. ``str(err)`` is the French sentence."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InputError(ReviewError):
    """The user's input (file, épreuve, option) cannot be used."""


class UnsupportedFileError(InputError):
    """The file type is not one we read."""


class EncryptedFileError(InputError):
    """The file is protected by a password."""


class CorruptFileError(InputError):
    """The file is damaged or not what its extension says."""


class EmptyFileError(InputError):
    """The file holds nothing."""


class NoTextError(InputError):
    """No extractable text, typically a scan."""


class TooLargeError(InputError):
    """Over the size or page limits."""


class ParseTimeoutError(InputError):
    """Parsing took longer than the limit."""


class UnknownEpreuveError(InputError):
    """The épreuve id is not one of the référentiel's."""


class UnknownIdError(InputError):
    """A competency or checkpoint id is not one of the référentiel's."""


class ReferentielError(ReviewError):
    """The référentiel data files are invalid."""


class LLMError(ReviewError):
    """The optional LLM failed; callers fall back to the offline result."""


class EmbeddingError(ReviewError):
    """The embedding model cannot be loaded or the embedding endpoint fails."""


class StoreBusyError(ReviewError):
    """The embedded vector store is used by another process."""
