"""``brief bench``: the pipeline's speed with real-size random-weight models, against a naive
baseline measured in the same run."""
