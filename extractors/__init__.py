"""Extractors: each module turns a :class:`pipeline.model.document.Document` into records of one kind.

Extractors read plain lines with provenance and never touch files or PDF libraries, so they run
the same on text exports and on PDFs, and every one can be tested on a string.
"""
