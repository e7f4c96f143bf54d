"""newslint: a fact-check and consistency linter for news copy."""

# The single source of the version (pyproject.toml reads it), so starting up needs no metadata lookup.
__version__ = "0.1.0"
