"""``brief eval``: how good the translations and summaries are, on public test sets.

``translate`` scores the configured fr→en model with sacreBLEU (BLEU, chrF) on WMT newstest2014;
``summarise`` scores the French side of the brief's summary with ROUGE against OrangeSum's
reference abstracts, through the whole pipeline. The data ships in ``pipeline/data/eval``.
"""
