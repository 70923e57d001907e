"""Test set-up shared by every test: no downloads, tiny models built once per session."""

from __future__ import annotations

import os

# Before anything imports huggingface_hub: an accidental download must fail loudly.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
