"""The language layer below the stages: French and English words that the checks and the fact
rules share (months, weekdays, negations, known translations of names). Nothing here imports
from the stages or from ``pipeline.facts``."""
