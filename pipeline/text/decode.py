"""Bytes to text: reading under a size cap, refusing binary data, decoding without mojibake.

French news still arrives in UTF-8 (with or without a byte-order mark), in UTF-16 from Windows
tools, and in the legacy Western code pages (cp1252 with its curly quotes and €, latin-1). The
order of the checks matters: file signatures first (a PNG is never "text in some code page"),
then byte-order marks, then strict UTF-8, then charset-normalizer restricted to the encodings
French text can be in. Nothing is decided on one byte.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError

# Signatures of the binary formats people drop into a folder of articles by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document; extract its text first"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub); extract its text first"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
# RIFF containers (WAV, AVI, WebP) and ISO media (MP4, MOV, HEIC) carry their type at offset 8/4.
_RIFF_TYPES = {b"WAVE": "a WAV file", b"AVI ": "an AVI video", b"WEBP": "a WebP image"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Code pages French text comes in, most likely first. Letting the detector roam over every code
# page picks Baltic or Central-European ones on short French texts (latin-1 "à" read as cp1257).
_WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding it was read with."""

    text: str
    encoding: str


def read_bytes(path: str | Path, max_bytes: int) -> bytes:
    """Reads a regular file, refusing it as soon as it proves larger than ``max_bytes``.

    The file is opened without blocking and checked with ``fstat`` before anything is read: a
    named pipe (FIFO) would otherwise wait forever for a writer, and a device or socket is not
    an article. (To brief what a program writes, pipe it to ``brief -``.) At most
    ``max_bytes + 1`` bytes are read.

    Raises:
        InputError: Missing path, broken symlink, symlink loop, a directory, a FIFO, socket or
            device, a dataset file, an unreadable or oversized file.
    """
    p = Path(path)
    if p.suffix.lower() in _DATASETS:
        raise InputError(
            f"{p}: a {_DATASETS[p.suffix.lower()]} file is a dataset, not an article; "
            f"`brief feed {p}` reads dataset files (one article per record)"
        )
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{p}: {_open_error(p, exc)}") from None
    limit = f"the limit of {max_bytes:,} bytes (stages.clean.max_bytes)"
    try:
        st = os.fstat(fd)
        kind = _not_regular(st.st_mode)
        if kind:
            raise InputError(f"{p}: {kind}")
        if st.st_size > max_bytes:
            raise InputError(f"{p}: {st.st_size:,} bytes is over {limit}")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(f"{p}: more than {max_bytes:,} bytes, over {limit}")
    return data


# Files that hold many articles: ``brief feed`` reads them (pipeline/feed/sources.py).
_DATASETS = {".json": "JSON", ".jsonl": "JSON Lines", ".parquet": "Parquet", ".csv": "CSV"}


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not an article"
    if stat.S_ISFIFO(mode):
        return (
            "is a named pipe (FIFO), not a regular file; to brief a program's output, pipe it "
            "to `brief -`"
        )
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is a special file, not a regular file"


def _open_error(p: Path, exc: OSError) -> str:
    """Why a path cannot be opened, in words (a loop is not "no such file")."""
    if exc.errno == errno.ELOOP:
        return "is a symlink loop (a link that leads back to itself)"
    if exc.errno == errno.ENOENT:
        if p.is_symlink():
            return f"is a broken symlink (to {os.readlink(p)}, which does not exist)"
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "is a directory, not an article"
    return f"cannot be read ({exc.strerror or exc})"


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with, or None when no known signature matches."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_TYPES:
        return _RIFF_TYPES[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime/HEIC media file"
    return None


def decode(data: bytes, name: str) -> Decoded:
    """Decodes the bytes of an article, refusing binary data.

    Args:
        data: The raw bytes.
        name: The file's name, for messages.

    Returns:
        The text (a byte-order mark removed) and the encoding it was read with.

    Raises:
        InputError: Binary data, or bytes in no encoding French text comes in.
    """
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name}: binary data ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding.replace("-sig", "")), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start + len(bom)})"
                ) from None
    try:
        decoded: Decoded | None = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        # NUL bytes never occur in text in a one-byte code page; in UTF-16/32 without a BOM, yes.
        if b"\x00" in data:
            decoded = _detect(data, _WIDE)
        else:
            decoded = _mixed_utf8(data, strict=True) or _detect(data, _WESTERN) or _mixed_utf8(data)
    if decoded is None or _controls(decoded.text):
        raise InputError(
            f"{name}: binary data or an unknown encoding, not text "
            "(expected UTF-8, UTF-16 or a Western-European code page such as cp1252)"
        )
    return decoded


def _mixed_utf8(data: bytes, strict: bool = False) -> Decoded | None:
    """UTF-8 with stray legacy bytes (two files pasted together), the bad bytes read as cp1252.

    Args:
        data: Bytes that are not valid UTF-8.
        strict: Only when valid multi-byte UTF-8 sequences outnumber the invalid bytes (tried
            before the detector); otherwise as soon as there is one (the detector's fallback).
    """
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ch > "\x7f" and ch != "\ufffd")
    if good == 0 or (strict and good < bad) or bad > len(lenient) // 20:
        return None
    import codecs

    codecs.register_error("brief-cp1252", _legacy_bytes)
    return Decoded(data.decode("utf-8", errors="brief-cp1252"), "utf-8+cp1252")


def _legacy_bytes(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    chunk = exc.object[exc.start : exc.end]
    # cp1252 leaves five bytes undefined; latin-1 maps them to (invisible) C1 controls.
    text = "".join(
        bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in chunk
    )
    return text, exc.end


def _detect(data: bytes, encodings: list[str]) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=encodings).best()
    return None if match is None else Decoded(str(match), match.encoding)


def _controls(text: str) -> bool:
    """Whether text has more control characters than text has: bytes that decode, not text.

    Valid UTF-8 can be all control bytes, and a UTF-16 reading of random bytes can "succeed".
    """
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or ch == "\x7f")
    return controls > max(2, len(text) // 100)
