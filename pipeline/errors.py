"""User-facing errors and exit codes, defined here and nowhere else.

The CLI turns each :class:`BriefError` into one line on stderr and its ``exit_code``; no
traceback reaches the user for these.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status of ``brief`` (the docs list them: docs/usage.md)."""

    OK = 0  # every input briefed (brief verify: nothing flagged)
    FAILED = 1  # some input failed or was skipped (brief verify: something flagged)
    USAGE = 2  # bad usage, configuration, input or output folder
    MODEL = 3  # a model is not available
    INTERNAL = 70  # a bug: the traceback is shown with -v (EX_SOFTWARE)
    IO = 74  # the output could not be written, e.g. a full disk (EX_IOERR)
    BUSY = 75  # another run holds the state or the output: try again later (EX_TEMPFAIL)
    INTERRUPTED = 130  # Ctrl-C


class BriefError(Exception):
    """Base of every error the CLI reports as a plain message."""

    exit_code: int = ExitCode.FAILED


class ConfigError(BriefError):
    """A configuration file or override is invalid; the message names the key's path."""

    exit_code = ExitCode.USAGE


class RunStopped(BriefError):
    """A problem that stops the whole run, not one article: every article would fail the same way.

    The runner isolates other errors to the article that raised them; these it raises again.
    """


class ModelUnavailable(RunStopped):
    """A model cannot be loaded: not in the local cache and the hub cannot be reached."""

    exit_code = ExitCode.MODEL

    def __init__(
        self, model: str, revision: str | None, reason: str, hint: str | None = None
    ) -> None:
        self.model = model
        self.revision = revision
        self.reason = reason
        self._hint = hint
        rev = f" at revision {revision}" if revision else ""
        hint = hint or (
            f"Get it with `brief models pull` (or `hf download {model}`) on a machine "
            "with internet access, or point the config at a local copy "
            "(see README, 'Offline use'). To try brief without the models: "
            "`python -m pipeline.testing.tiny tiny/`, then `brief FILES --config tiny/config.toml`."
        )
        super().__init__(f"model '{model}'{rev} is not available: {reason}. {hint}")

    def __reduce__(self) -> tuple[type, tuple[str, str | None, str, str | None]]:
        # Raised in a worker process, it must come back whole through pickle.
        return (type(self), (self.model, self.revision, self.reason, self._hint))


class InputError(BriefError):
    """One input cannot be briefed (missing, empty, binary, too large…); the batch goes on."""


class OutputError(BriefError):
    """The output cannot be written as asked, found before any work: not a folder, not
    writable, or it would overwrite the inputs or files brief did not write."""

    exit_code = ExitCode.USAGE


class OutputFailed(RunStopped):
    """Writing an output failed in a way that every later write would too (the disk is full,
    the folder became read-only); the run stops and no partial file is left."""

    exit_code = ExitCode.IO


class StageOrderError(ConfigError):
    """The configured stage list cannot work: a stage needs a field no earlier stage fills."""


class BatchError(BriefError):
    """``brief batch`` cannot start: INPUT unreadable, OUTPUT not brief's, engine missing."""

    exit_code = ExitCode.USAGE


class BatchBusy(BriefError):
    """Another ``brief batch`` run is writing to the same OUTPUT."""

    exit_code = ExitCode.BUSY


class ArticleTimeout(BriefError):
    """An article took longer than ``run.article_timeout`` in a stage; the others go on."""

    def __init__(self, stage: str, seconds: float, articles: int = 1) -> None:
        self.stage = stage
        self.seconds = seconds
        self.articles = articles
        if articles == 1:
            took = f"took longer than {seconds:g} s in stage {stage}"
        else:  # a batch, which the runner then retries article by article
            took = f"{articles} articles took longer than {seconds * articles:g} s in stage {stage}"
        super().__init__(f"{took} (run.article_timeout = {seconds:g} s; 0 disables the limit)")

    def __reduce__(self) -> tuple[type, tuple[str, float, int]]:
        # Raised in a worker process, it must come back whole through pickle.
        return (type(self), (self.stage, self.seconds, self.articles))


class VerifyInputError(BriefError):
    """``brief verify`` cannot compare the files it was given (different line counts under
    ``--aligned``, an empty or binary file, English given as the source): a usage error."""

    exit_code = ExitCode.USAGE


class StateBusy(BriefError):
    """Another ``brief feed`` run holds the state's lock."""

    exit_code = ExitCode.BUSY


class StateError(BriefError):
    """The state file cannot be opened or is not a feed state."""

    exit_code = ExitCode.USAGE


class FetchError(BriefError):
    """A URL could not be fetched; the message says why, for the state and the report.

    Attributes:
        url: The URL asked for.
        reason: What went wrong, without the URL.
        not_article: The server answered, but not with an article page (wrong content type).
    """

    def __init__(self, url: str, reason: str, *, not_article: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.not_article = not_article
        super().__init__(f"{url}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str], dict[str, bool]]:
        return (type(self), (self.url, self.reason), {"not_article": self.not_article})


class BlockedAddress(BriefError):
    """A host resolved to an address the feed's policy refuses (private, loopback…)."""
