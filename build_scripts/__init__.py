"""Turn one UN resolution's plain source text into the Markdown pages of a
per-paragraph reading site.

Data flows one way: ``source`` → :mod:`parse` → :mod:`model` →
:mod:`resolve` → :mod:`render` → :mod:`write` → MkDocs. Only
:mod:`write` and :mod:`cli` touch the file system.
"""
