"""brief: French news in, bilingual English/French briefs out."""

from __future__ import annotations

__version__ = "0.1.0"
