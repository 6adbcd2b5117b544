"""kompass: digitize Kommunkompassen evaluation reports into validated tables.

The data flow is ingest (files to :class:`~pipeline.document.Document`), extract (documents to
records), validate (records to findings) and write (records to CSV and Parquet tables).
"""

__version__ = "0.1.0"
