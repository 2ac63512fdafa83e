"""Which source lines belong to the program, and where a task or a call stands in them.

A line is reported with the program file's absolute path when it is in the program file;
otherwise with the innermost frame of the program's own code (files beside it that are not
the standard library, installed packages or this package); otherwise file and line are null.
"""

import os
import sys
import sysconfig

PROGRAM, OWN_CODE, OTHER = 2, 1, 0

# The code of the loop's run frames (filled in by loop.py): a walk outward from a callback
# or a task's step stops there, it does not reach the module's `asyncio.run(...)` line.
RUN_FRAMES = set()


class SourceLocator:
    def __init__(self, program):
        self.program = program
        self._program_dir = os.path.dirname(program) + os.sep
        package_dir = os.path.dirname(os.path.abspath(__file__)) + os.sep
        foreign = {package_dir}
        for key in ("stdlib", "platstdlib", "purelib", "platlib"):
            path = sysconfig.get_paths().get(key)
            if path:
                foreign.add(os.path.abspath(path) + os.sep)
        self._foreign = tuple(foreign)
        self._ranks = {program: PROGRAM}

    def rank(self, filename):
        rank = self._ranks.get(filename)
        if rank is None:
            path = os.path.abspath(filename)
            if path == self.program:
                rank = PROGRAM
            elif path.startswith(self._program_dir) and not path.startswith(self._foreign):
                rank = OWN_CODE
            else:
                rank = OTHER
            self._ranks[filename] = rank
        return rank

    def _path(self, frame):
        filename = frame.f_code.co_filename
        return self.program if self._ranks.get(filename) == PROGRAM else os.path.abspath(filename)

    def call_site(self, depth=2):
        """(file, line) of the innermost program frame on the current stack, starting
        `depth` frames above this call (the caller of the function that asks)."""
        frame = sys._getframe(depth)
        own = None
        while frame is not None:
            if frame.f_code in RUN_FRAMES:
                break
            rank = self.rank(frame.f_code.co_filename)
            if rank == PROGRAM:
                return self.program, frame.f_lineno
            if rank == OWN_CODE and own is None:
                own = frame
            frame = frame.f_back
        if own is not None:
            return self._path(own), own.f_lineno
        return None, None

    def innermost(self, frames):
        """(file, line) of the innermost program frame among `frames` (outermost first)."""
        best = own = None
        for frame in frames:
            rank = self.rank(frame.f_code.co_filename)
            if rank == PROGRAM:
                best = frame
            elif rank == OWN_CODE:
                own = frame
        frame = best or own
        if frame is None:
            return None, None
        return self._path(frame), frame.f_lineno


def await_chain(coro):
    """The frames a suspended coroutine stands in, outermost first: the coroutine, what it
    awaits, what that awaits, down to the future (frames of C iterators are absent)."""
    frames = []
    obj = coro
    for _ in range(200):
        if obj is None:
            break
        frame = getattr(obj, "cr_frame", None) or getattr(obj, "gi_frame", None) \
            or getattr(obj, "ag_frame", None)
        if frame is not None:
            frames.append(frame)
        nxt = getattr(obj, "cr_await", None)
        if nxt is None:
            nxt = getattr(obj, "gi_yieldfrom", None)
        if nxt is None:
            nxt = getattr(obj, "ag_await", None)
        obj = nxt
    return frames
