"""Which source lines belong to the program, and where a task or a call stands in them.

A line is reported with the program file's absolute path when it is in the program file;
otherwise with the innermost frame of the program's own code (files beside it that are not
the standard library, installed packages or this package); otherwise file and line are null.
"""

import json
import os
import sys
import sysconfig

PROGRAM, OWN_CODE, OTHER = 2, 1, 0
RUN_FRAME = -1     # a code object of RUN_FRAMES: where a walk outward stops
NO_SITE = '"file":null,"line":null'

_dumps = json.JSONEncoder(ensure_ascii=False).encode

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
        # By id(code object): a frame's rank in one dict look-up (walks run at every op
        # and step); a code object hashes its contents at every look-up, an id does not.
        # The codes are kept (`_known_codes`), so an id is never reused for another.
        self.code_ranks = {}
        self._known_codes = []
        # (id(code), f_lasti) of a ranked code's frame -> (line, its events' JSON tail
        # `"file":F,"line":L`): f_lineno scans the code's line table at every read.
        self.sites = {}

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

    def code_rank(self, code):
        """The rank of a code object's file, or RUN_FRAME; cached in `code_ranks`."""
        rank = RUN_FRAME if code in RUN_FRAMES else self.rank(code.co_filename)
        self._known_codes.append(code)
        self.code_ranks[id(code)] = rank
        return rank

    def _path(self, frame):
        filename = frame.f_code.co_filename
        return self.program if self._ranks.get(filename) == PROGRAM else os.path.abspath(filename)

    def call_site(self, depth=2):
        """(file, line) of the innermost program frame on the current stack, starting
        `depth` frames above this call (the caller of the function that asks)."""
        frame = sys._getframe(depth)
        ranks = self.code_ranks
        own = None
        while frame is not None:
            rank = ranks.get(id(frame.f_code))
            if rank is None:
                rank = self.code_rank(frame.f_code)
            if rank == PROGRAM:
                return self.program, frame.f_lineno
            if rank:
                if rank == RUN_FRAME:
                    break
                if own is None:
                    own = frame
            frame = frame.f_back
        if own is not None:
            return self._path(own), own.f_lineno
        return None, None

    def site(self, frame):
        """(line, `"file":F,"line":L`) of a frame whose code is ranked already, F being the
        program's path or the file's absolute path (as `call_site` and `innermost` say)."""
        code = frame.f_code
        key = (id(code), frame.f_lasti)
        known = self.sites.get(key)
        if known is None:
            if len(self.sites) >= 1 << 14:
                self.sites.clear()
            line = frame.f_lineno
            path = self.program if self.code_ranks[id(code)] == PROGRAM \
                else os.path.abspath(code.co_filename)
            known = self.sites[key] = (
                line, f'"file":{_dumps(path)},"line":{"null" if line is None else line}')
        return known

    def call_site_tail(self, depth=2):
        """`call_site`, as the JSON tail `"file":F,"line":L` (see `site`). The same walk as
        `call_site`, written out again: this one runs at every op of every primitive, where a
        shared helper would cost a call each time."""
        frame = sys._getframe(depth)
        ranks = self.code_ranks
        own = None
        while frame is not None:
            rank = ranks.get(id(frame.f_code))
            if rank is None:
                rank = self.code_rank(frame.f_code)
            if rank == PROGRAM:
                site = self.sites.get((id(frame.f_code), frame.f_lasti))
                return (site if site is not None else self.site(frame))[1]
            if rank:
                if rank == RUN_FRAME:
                    break
                if own is None:
                    own = frame
            frame = frame.f_back
        if own is not None:
            return self.site(own)[1]
        return NO_SITE

    def innermost(self, codes):
        """(index, file) of the innermost program code among `codes` (outermost first),
        else of the innermost own code; (None, None) when there is none."""
        ranks = self.code_ranks
        best = own = None
        for index, code in enumerate(codes):
            rank = ranks.get(id(code))
            if rank is None:
                rank = self.code_rank(code)
            if rank == PROGRAM:
                best = index
            elif rank == OWN_CODE:
                own = index
        index = best if best is not None else own
        if index is None:
            return None, None
        code = codes[index]
        path = self.program if ranks[id(code)] == PROGRAM else os.path.abspath(code.co_filename)
        return index, path


def await_chain(coro):
    """The frames a suspended coroutine stands in, outermost first: the coroutine, what it
    awaits, what that awaits, down to the future (frames of C iterators are absent); and
    the ids of their code objects, as a tuple (what is learnt about a chain is cached by
    it; whoever caches keeps the code objects, so that the ids stay theirs)."""
    frames = []
    codes = []
    obj = coro
    depth = 0
    while obj is not None and depth < 200:
        depth += 1
        kind = obj.__class__
        # The two common kinds first, without getattr's defaults.
        if kind is _COROUTINE:
            frame, nxt = obj.cr_frame, obj.cr_await
        elif kind is _GENERATOR:
            frame, nxt = obj.gi_frame, obj.gi_yieldfrom
        elif kind in _ENDS_CHAIN:
            break
        else:
            frame = getattr(obj, "cr_frame", None) or getattr(obj, "gi_frame", None) \
                or getattr(obj, "ag_frame", None)
            nxt = getattr(obj, "cr_await", None)
            if nxt is None:
                nxt = getattr(obj, "gi_yieldfrom", None)
            if nxt is None:
                nxt = getattr(obj, "ag_await", None)
            if frame is None and nxt is None and not _FRAME_ATTRIBUTES.intersection(dir(kind)):
                # A future, say: its class has none of the attributes (each getattr above
                # raised and caught an AttributeError), so the chain ends there next time
                # without asking.
                _ENDS_CHAIN.add(kind)
        if frame is not None:
            frames.append(frame)
            codes.append(id(frame.f_code))
        obj = nxt
    return frames, tuple(codes)


_FRAME_ATTRIBUTES = frozenset(("cr_frame", "gi_frame", "ag_frame", "cr_await", "gi_yieldfrom",
                               "ag_await"))
# Classes whose objects end an await chain: classes seen in one whose class has none of
# `_FRAME_ATTRIBUTES` (futures, mostly).
_ENDS_CHAIN = set()


async def _a_coroutine():
    pass


def _a_generator():
    yield


_coroutine = _a_coroutine()
_COROUTINE = type(_coroutine)
_coroutine.close()
_GENERATOR = type(_a_generator())
