"""newslint: a fact-check and consistency linter for news copy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newslint")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
