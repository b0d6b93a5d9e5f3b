"""The ``python -m geo`` command line."""

from geo.cli.commands import build_parser, main

__all__ = ["build_parser", "main"]
