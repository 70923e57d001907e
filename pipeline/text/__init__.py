"""Text utilities shared by stages (segmentation, normalisation…); no models loaded here."""
