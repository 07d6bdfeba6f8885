"""One error hierarchy users can catch; batch runs turn these into manifest lines."""
from __future__ import annotations


class VndirectiveError(Exception):
    """Base class of every error this library raises on purpose."""


class NotTextError(VndirectiveError, ValueError):
    """The input is not text (bytes that are not UTF-8, binary garbage, not a str)."""


class ModelFileError(VndirectiveError):
    """A classifier file is missing, malformed, or does not match its checksum."""


class InputError(VndirectiveError):
    """A file that cannot be read as a document: unknown format, empty, truncated or over a limit."""


class EncryptedError(InputError):
    """A PDF protected by a password other than the empty one."""


class OCRUnavailableError(InputError):
    """A scanned page needs OCR but Tesseract (with Vietnamese data) is not installed."""
