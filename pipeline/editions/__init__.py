"""The editions of the evaluation tool (data files) and how a report's edition is found."""
