from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.text.decode import binary_kind, decode, read_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
TEXT = (
    "Le « prix » d’un café : 2 € à Noël, déjà élevé pour l’élève.\n\n"
    "Œuvre “citée” par M. Dupont, ex-député, à Besançon.\n"
)
LATIN = (
    "L'été à Besançon : « très chaud », a dit l'élève, où la température a dépassé 35 °C.\n\n"
    "Le maïs a séché ; les agriculteurs s'inquiètent déjà pour la récolte.\n"
)


@pytest.mark.parametrize(
    ("name", "signature", "encodings", "expected"),
    [
        ("utf8.txt", b"Le \xc2\xab", {"utf-8"}, TEXT),
        ("utf8-bom.txt", b"\xef\xbb\xbf", {"utf-8-sig"}, TEXT),
        ("utf16-bom.txt", b"\xff\xfeL\x00", {"utf-16-le"}, TEXT),
        ("utf16be-bom.txt", b"\xfe\xff\x00L", {"utf-16-be"}, TEXT),
        ("utf16le-nobom.txt", b"L\x00e\x00", {"utf_16_le"}, TEXT),
        # cp1252's own bytes: 0x80 is €, 0x92 ’, 0x93 “, 0x8c Œ; and CRLF line ends.
        ("cp1252.txt", b"\x80", {"cp1252"}, TEXT.replace("\n", "\r\n")),
        # latin-1 and cp1252 agree on every byte of this text; either reading is right.
        ("latin1.txt", b"\xe9", {"latin_1", "cp1252", "iso8859_15"}, LATIN),
    ],
)
def test_fixture_files_decode_to_the_text_they_hold(
    name: str, signature: bytes, encodings: set[str], expected: str
) -> None:
    data = (FIXTURES / name).read_bytes()
    assert signature in data  # the fixture really is in that encoding
    decoded = decode(data, name)
    assert decoded.text == expected
    assert decoded.encoding in encodings


def test_cp1252_fixture_holds_its_own_bytes_for_curly_quotes_and_euro() -> None:
    data = (FIXTURES / "cp1252.txt").read_bytes()
    assert all(byte in data for byte in (b"\x80", b"\x92", b"\x93", b"\x94", b"\x8c"))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_utf8_with_stray_cp1252_bytes_keeps_both_parts() -> None:
    decoded = decode((FIXTURES / "mixed-utf8-cp1252.txt").read_bytes(), "mixed.txt")
    assert decoded.text == TEXT + "Un été très chaud à Noël.\n"
    assert decoded.encoding == "utf-8+cp1252"


def test_cp1252_text_with_one_utf8_word_goes_to_the_detector() -> None:
    data = "Un été très chaud à Noël, où l’élève a reçu ses œufs. ".encode("cp1252") * 3
    decoded = decode(data + "déjà".encode(), "a.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text.startswith("Un été très chaud à Noël, où l’élève")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4"),
        (b"{\\rtf1\\ansi Bonjour}", "RTF document"),
    ],
)
def test_binary_formats_are_named_and_refused(data: bytes, what: str) -> None:
    kind = binary_kind(data)
    assert kind is not None and what in kind
    with pytest.raises(InputError, match=rf"photo\.txt: binary data \(.*{what}"):
        decode(data + b"Bonjour tout le monde" * 10, "photo.txt")


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_random_bytes_are_refused_as_binary(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(InputError, match=r"noise\.txt: binary data or an unknown encoding"):
        decode(data, "noise.txt")


def test_a_bom_with_invalid_content_is_an_error_naming_the_encoding() -> None:
    with pytest.raises(InputError, match="utf-8-sig byte-order mark but is not valid"):
        decode(b"\xef\xbb\xbfBonjour \xff\xfe\xfd", "bad.txt")


def test_read_bytes_refuses_missing_paths_and_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        read_bytes(tmp_path / "missing.txt", 100)
    with pytest.raises(InputError, match="is a directory, not an article"):
        read_bytes(tmp_path, 100)


def test_read_bytes_refuses_a_huge_file_from_its_size_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024**3)  # sparse: 50 GB on paper, nothing on disk
    with pytest.raises(InputError, match=r"huge\.txt: 53,687,091,200 bytes is over the limit"):
        read_bytes(huge, 5_000_000)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_read_bytes_refuses_a_device_before_reading_it() -> None:
    # /dev/zero reports size 0 and never ends: refused from its type, nothing read.
    with pytest.raises(InputError, match="/dev/zero: is a device, not a regular file"):
        read_bytes("/dev/zero", 1000)


def test_read_bytes_refuses_a_fifo_at_once_instead_of_waiting_for_a_writer(
    tmp_path: Path,
) -> None:
    """Opening a FIFO for reading blocks until a writer comes: before the fix this hung
    (the thread below would still be waiting when the test gives up on it)."""
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(
        target=lambda: outcome.append(pytest.raises(InputError, read_bytes, fifo, 100).value),
        daemon=True,
    )
    reader.start()
    reader.join(timeout=5)
    if reader.is_alive():  # free the blocked open so that the thread can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
        pytest.fail("read_bytes waited on a FIFO")
    assert "pipe.txt: is a named pipe (FIFO), not a regular file" in str(outcome[0])
    assert "brief -" in str(outcome[0])


def test_read_bytes_refuses_a_socket(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(InputError, match=r"s\.txt: (is a socket|cannot be read)"):
            read_bytes(path, 100)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.symlink_to(p), "is a symlink loop"),
        (lambda p: p.symlink_to(p.parent / "gone.txt"), "is a broken symlink (to "),
    ],
    ids=["loop", "dangling"],
)
def test_read_bytes_names_what_is_wrong_with_a_symlink(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "link.txt"
    make(path)  # type: ignore[operator]
    with pytest.raises(InputError) as exc:
        read_bytes(path, 100)
    assert message in str(exc.value) and "no such file" not in str(exc.value)


@pytest.mark.parametrize("name", ["articles.json", "articles.jsonl", "rows.csv", "d.parquet"])
def test_read_bytes_sends_dataset_files_to_brief_feed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('{"text": "Le conseil municipal a voté."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"is a dataset, not an article; `brief feed "):
        read_bytes(path, 1000)


def test_read_bytes_reads_a_file_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, 100) == b"x" * 100
