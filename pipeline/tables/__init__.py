"""Records to table rows, and the files the tables and their descriptions are written to."""
