"""User-facing errors, with their messages in one place.

The CLI turns each :class:`BriefError` into one line on stderr and an exit code; no traceback
reaches the user for these.
"""

from __future__ import annotations


class BriefError(Exception):
    """Base of every error the CLI reports as a plain message."""

    exit_code = 1


class ConfigError(BriefError):
    """A configuration file or override is invalid; the message names the key's path."""

    exit_code = 2


class ModelUnavailable(BriefError):
    """A model cannot be loaded: not in the local cache and the hub cannot be reached."""

    exit_code = 3

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
            "(see README, 'Offline use')."
        )
        super().__init__(f"model '{model}'{rev} is not available: {reason}. {hint}")

    def __reduce__(self) -> tuple[type, tuple[str, str | None, str, str | None]]:
        # Raised in a worker process, it must come back whole through pickle.
        return (type(self), (self.model, self.revision, self.reason, self._hint))


class InputError(BriefError):
    """One input cannot be briefed (missing, empty, binary, too large…); the batch goes on."""


class StageOrderError(ConfigError):
    """The configured stage list cannot work: a stage needs a field no earlier stage fills."""


class VerifyInputError(BriefError):
    """``brief verify`` cannot compare the files it was given (different line counts under
    ``--aligned``, an empty or binary file, English given as the source): a usage error."""

    exit_code = 2
