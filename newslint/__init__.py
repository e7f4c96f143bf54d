"""newslint: a fact-check and consistency linter for news copy."""

# The single source of the version (pyproject.toml reads it), so starting up needs no metadata lookup.
__version__ = "0.1.0"


def documentation_url() -> str | None:
    """The project's documentation, as the installed package declares it (``[project.urls]``), if it does."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("newslint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None
