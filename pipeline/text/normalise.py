"""Character-level normalisation of decoded text, before any structure is read from it.

ftfy does the well-known repairs (mojibake from text decoded twice, HTML entities in plain text,
control characters, line ends, ligatures, curly quotes and apostrophes to their ASCII forms);
this module adds what a French translation pipeline needs on top: invisible formatting
characters removed and the non-breaking spaces of French typography turned into plain spaces.

The result is idempotent: ``normalise(normalise(t)) == normalise(t)``.
"""

from __future__ import annotations

import re

# Zero-width characters, the soft hyphen, word joiners and bidirectional controls: invisible, but
# they split words for a tokenizer (and bidi overrides can make text display other than it reads).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Spaces other than the plain one: NBSP and narrow NBSP (French typography before : ; ! ? and
# inside « »), figure, thin, hair, em/en spaces, ideographic space, tab.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MULTI_SPACE = re.compile(r" {2,}")
# Line and paragraph separators that ftfy leaves alone.
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x0b": "\n", "\x0c": "\n\n"})
# Guillemets with no space or several spaces inside: one plain space, as French typography wants.
_OPEN_GUILLEMET = re.compile(r"« *")
# The lookbehind starts a match only where a run of spaces starts: tried at every space of a
# long run with no » after it, " *»" would take time quadratic in the run's length.
_CLOSE_GUILLEMET = re.compile(r"(?<! ) *»")
# Single low/high quotation marks and primes that ftfy does not straighten.
_QUOTES = str.maketrans({"‚": "'", "‛": "'", "′": "'", "ʼ": "'", "„": '"', "‟": '"', "″": '"'})


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """Removes C0 control characters (NUL…) but tabs and line ends: the cheap pass for markup.

    HTML is handed to the extractor as it is (running :func:`normalise` over a whole page costs
    more than extracting it), but lxml refuses NUL and other control characters.
    """
    return _CONTROLS.sub("", text)


# A line of printable ASCII without "&" or "<": one that ftfy leaves as it is.
_PLAIN_LINE = re.compile(r"[ -%'-;=-~]*")


def _fix_text(text: str) -> str:
    """``ftfy.fix_text`` with this module's settings, plain lines passed round it.

    ftfy repairs a text one line at a time, tens of microseconds a line even for an empty one:
    a file of a million blank lines would take a minute. Lines it would leave as they are go
    round it; the others go through it in runs, in order. The one state ftfy keeps from line to
    line is kept too: once a line holds "<", HTML entities are no longer unescaped.
    """
    import ftfy

    out: list[str] = []
    run: list[str] = []
    unescape: str | bool = "auto"

    def fix_run() -> None:
        nonlocal unescape
        if not run:
            return
        joined = "".join(run)
        out.append(
            ftfy.fix_text(
                joined,
                normalization="NFC",
                uncurl_quotes=True,
                fix_line_breaks=True,
                remove_control_chars=True,
                fix_latin_ligatures=True,
                fix_character_width=True,
                unescape_html=unescape,
            )
        )
        if unescape == "auto" and "<" in joined:
            unescape = False
        run.clear()

    lines = text.split("\n")
    for index, line in enumerate(lines):
        end = "\n" if index < len(lines) - 1 else ""
        if _PLAIN_LINE.fullmatch(line):
            fix_run()
            out.append(line + end)
        else:
            run.append(line + end)
    fix_run()
    return "".join(out)


def normalise(text: str) -> str:
    """Normalises decoded text, keeping its line structure.

    NFC; mojibake repaired; control characters removed; CRLF, CR and Unicode line separators
    turned into ``\\n``; zero-width and bidirectional-control characters removed; non-breaking
    and other special spaces turned into plain spaces and runs of spaces collapsed; apostrophes
    and quotation marks made consistent (``'`` and ``"``; guillemets « » kept, one space inside).

    Args:
        text: Decoded text.

    Returns:
        The normalised text; lines are stripped of trailing spaces.
    """
    text = _fix_text(text.translate(_LINE_SEPARATORS))
    text = _INVISIBLE.sub("", text)
    text = text.translate(_QUOTES)
    text = _SPACES.sub(" ", text)
    text = _OPEN_GUILLEMET.sub("« ", text)
    text = _CLOSE_GUILLEMET.sub(" »", text)
    text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def drop_long_tokens(text: str, limit: int) -> tuple[str, list[str]]:
    """Removes the tokens (runs of non-space characters) longer than ``limit`` characters.

    No word is that long: such a token is a pasted blob (base64, a hash, a minified script,
    a keyboard held down), a very long URL at most. Removing it before the text is read
    bounds what every later step (regular expressions, spaCy, the models' tokenizers) gets
    as one word.

    Args:
        text: Normalised text.
        limit: The longest token kept; 0 keeps every token.

    Returns:
        The text with each such token removed (the spaces around it are kept), and the tokens
        removed, in order.
    """
    if limit <= 0 or len(text) <= limit:
        return text, []
    # The lookbehind starts a match only where a token starts: tried inside every long token,
    # the pattern would take time quadratic in its length.
    pattern = re.compile(rf"(?<!\S)\S{{{limit + 1},}}")
    removed = [m.group() for m in pattern.finditer(text)]
    return (pattern.sub("", text) if removed else text), removed
