"""What the data is: records, documents, the output contract and the reference data."""
