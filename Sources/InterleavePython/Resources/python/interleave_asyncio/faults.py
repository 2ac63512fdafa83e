"""The exception a `throw` command raises in a task, and how failures are worded."""

import traceback


class InterleaveFault(Exception):
    """Raised by Interleave inside a task, at the await where it stands (command `throw`)."""


def one_line(exc):
    """`ValueError: bad`, the last line of a traceback, for `failed` events."""
    text = str(exc)
    name = type(exc).__name__
    return "%s: %s" % (name, text) if text else name


# The frames of the pure-Python task's step: CPython's C task has none, so a traceback
# that shows them would not be the one `python3 FILE.py` prints.
_TASK_STEP_FRAMES = ("__step", "__step_run_and_handle_result")


def _drop_task_steps(te, seen):
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        kept = [fs for fs in te.stack
                if not (fs.name in _TASK_STEP_FRAMES and fs.filename.endswith("tasks.py"))]
        if len(kept) != len(te.stack):
            te.stack = traceback.StackSummary.from_list(kept)
        for sub in getattr(te, "exceptions", None) or ():
            _drop_task_steps(sub, seen)
        _drop_task_steps(te.__cause__, seen)
        te = te.__context__


def format_uncaught(exc, program):
    """The traceback CPython prints for an exception that ended `python3 program`:
    the launcher's and runpy's frames (before the program's first) are left out."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != program:
        tb = tb.tb_next
    te = traceback.TracebackException(type(exc), exc, tb)
    _drop_task_steps(te, set())
    return "".join(te.format()).rstrip("\n")
