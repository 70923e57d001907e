"""Model backends: what stages call to translate or summarise, one backend a module.

Every backend has ``signature() -> dict`` (model id, revision, dtype, device) and
``ensure_available()`` (fails fast with :class:`pipeline.errors.ModelUnavailable`), plus
``translate(texts) -> list[str]`` and/or ``summarise(texts) -> list[str]``.
"""
