"""newslint's built-in checks, one module per check (installed as ``newslint.checks``)."""
