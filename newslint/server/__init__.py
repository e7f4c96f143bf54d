"""``newslint serve``: the LanguageTool HTTP API, newslint's own JSON API and a copy-desk page.

Nothing here is imported by a plain lint run: the command imports :mod:`newslint.server.app`, and only
that module (and those it imports) needs the ``serve`` extra (starlette, uvicorn).
"""
