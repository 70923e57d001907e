"""The nightly feed job: sources in, briefs and a digest out, resumable (``brief feed``)."""
