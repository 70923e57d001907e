"""Logging and progress set-up: only the CLI configures them."""

from __future__ import annotations

import logging
import os
import sys

from pipeline.cli.terminal import PrintableFormatter


def setup_logging(verbose: bool = False, quiet: bool = False) -> None:
    """Our logs at INFO with ``-v``, else WARNING; third-party chatter kept down.

    Third-party progress bars (the hub's downloads, transformers' "Loading weights") appear
    only with ``-v``: they are the libraries' view of the work, not the run's.
    """
    level = logging.INFO if verbose else logging.WARNING
    handler = logging.StreamHandler()
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    if not verbose:
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        for name in ("transformers", "huggingface_hub", "urllib3", "httpx", "filelock"):
            logging.getLogger(name).setLevel(logging.ERROR)
        # The HTML extractor logs every page it finds nothing in as an ERROR; the clean stage
        # reports that itself, once, as the input's error.
        for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    if not verbose:
        # Read by huggingface_hub (and through it transformers) when they are imported; once
        # imported, only their own switches turn the bars off.
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        if "huggingface_hub" in sys.modules:
            from huggingface_hub.utils import disable_progress_bars

            disable_progress_bars()
        if "transformers" in sys.modules:
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
