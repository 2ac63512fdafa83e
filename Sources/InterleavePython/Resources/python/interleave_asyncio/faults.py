"""The exception a `throw` command raises in a task, and how failures are worded."""

import traceback


class InterleaveFault(Exception):
    """Raised by Interleave inside a task, at the await where it stands (command `throw`)."""


# Tracebacks name it `InterleaveFault: text`, as a learner reads it in the code pane, not
# `interleave_asyncio.faults.InterleaveFault` (the program cannot import it anyway).
InterleaveFault.__module__ = "builtins"


def one_line(exc):
    """`ValueError: bad`, the last line of a traceback, for `failed` events."""
    text = str(exc)
    name = type(exc).__name__
    return "%s: %s" % (name, text) if text else name


# Frames of the pure-Python task and future that CPython's C task and future do not have:
# a traceback that showed them would not be the one `python3 FILE.py` prints.
_C_IN_CPYTHON = {
    "tasks.py": ("__step", "__step_run_and_handle_result", "__wakeup"),
    "futures.py": ("result", "__await__", "exception"),
}


def strip_pure_python_frames(exc, seen=None):
    """Unlink from the exception's traceback (and those of its cause, context and group
    members) the frames a C task or future would not have; tracebacks are linked lists
    whose `tb_next` is writable."""
    seen = set() if seen is None else seen
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        kept = []
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            names = _C_IN_CPYTHON.get(code.co_filename.rsplit("/", 1)[-1])
            if not (names and code.co_name in names and "asyncio" in code.co_filename):
                kept.append(tb)
            tb = tb.tb_next
        for here, after in zip(kept, kept[1:] + [None]):
            here.tb_next = after
        exc.__traceback__ = kept[0] if kept else None
        for member in getattr(exc, "exceptions", None) or ():
            if isinstance(member, BaseException):
                strip_pure_python_frames(member, seen)
        strip_pure_python_frames(exc.__cause__, seen)
        exc = exc.__context__


def format_uncaught(exc, program):
    """The traceback CPython prints for an exception that ended `python3 program`:
    the launcher's and runpy's frames (before the program's first) are left out."""
    strip_pure_python_frames(exc)
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != program:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip("\n")
