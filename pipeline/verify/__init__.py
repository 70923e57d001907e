"""Checks of an English text against its French source: numbers, dates, names, negations.

The same code serves ``brief verify`` (any translation, from any system) and the pipeline's
``verify`` stage, so the flags of a brief and of a report are the same.
"""
