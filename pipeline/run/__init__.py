"""Digitizing a batch of files: the per-file process, the workers, the cache."""
