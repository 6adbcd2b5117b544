"""The version of kompass, in one place: the package, the manifest and the cache key read it."""

__version__ = "0.1.0"
