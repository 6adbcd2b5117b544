"""``python -m pipeline``: the ``kompass`` command line, for when the script is not on PATH."""

from pipeline.cli import main

if __name__ == "__main__":
    main(prog_name="kompass")
