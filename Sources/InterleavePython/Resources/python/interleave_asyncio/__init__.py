"""Interleave's Python side: runs a CPython asyncio program one task step at a time,
as the Swift side commands, and reports what each task does (docs/python-protocol.md).

Only the standard library is used, and nothing runs at import: the launcher calls
`runner.main` once it has set up `sys.argv` and `sys.path` for the program.
"""

from .faults import InterleaveFault

__all__ = ["InterleaveFault"]
