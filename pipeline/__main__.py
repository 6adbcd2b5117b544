"""``python -m pipeline``: the ``kompass`` command line, for when the script is not on PATH."""

from pipeline.cli import command

if __name__ == "__main__":
    command()
