"""Key facts: named entities, quantities, dates and periods, merged, ranked and traced.

Modules: :mod:`.analysis` (the spaCy view of each sentence), :mod:`.entities`,
:mod:`.quantities`, :mod:`.dates` (French mentions), :mod:`.english` (the English surface in the
aligned translation), :mod:`.rank` (salience, order, key sentences) and :mod:`.extract` (one
article end to end). The facts stage (:mod:`pipeline.stages.facts`) is a thin wrapper.
"""
