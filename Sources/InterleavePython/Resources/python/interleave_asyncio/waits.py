"""What a suspended task waits for: (op, resource, awaiting), or ("sleep", until).

The task's await chain is read from the outside in; the innermost asyncio frame that
names a wait wins (a Condition's wait that is re-acquiring its lock is an `acquire`).
Then the future the task waits on (`_fut_waiter`) decides: a task (join), a future the
program made (result), a gather (gather); anything else is `suspended`.
"""

import asyncio
import os
import weakref
from asyncio import tasks as _asyncio_tasks

from . import session as _session
from .faults import one_line

_ASYNCIO_DIR = os.path.dirname(os.path.abspath(asyncio.__file__)) + os.sep

# (file in asyncio, function) -> what waiting there means.
_FRAMES = {
    ("locks.py", "acquire"): "acquire",
    ("locks.py", "wait"): "wait",
    ("queues.py", "get"): "get",
    ("queues.py", "put"): "put",
    ("queues.py", "join"): "join",
    ("tasks.py", "sleep"): "sleep",
    ("tasks.py", "wait_for"): "wait_for",
    ("tasks.py", "_wait"): "gather:wait",
    ("tasks.py", "_wait_for_one"): "gather:as_completed",
    ("taskgroups.py", "__aexit__"): "gather:TaskGroup",
    ("taskgroups.py", "_aexit"): "gather:TaskGroup",
}
_IO_FILES = frozenset(("selector_events.py", "streams.py"))
# Where a gather-like wait keeps the object that identifies it.
_GATHER_KEYS = {"wait": ("waiter",), "as_completed": ("self", "done"), "TaskGroup": ("self",)}

_side_rids = weakref.WeakKeyDictionary()   # for objects that take no attributes (C futures)
# Gather-like waits, by the object that identifies them: kept apart from the primitives'
# ids, since that object may be an internal asyncio queue (3.11's as_completed) whose own
# frames must not read as the program's queue.
_gather_rids = weakref.WeakKeyDictionary()


def to_ns(seconds):
    return int(round(seconds * 1e9))


def rid_of(obj):
    rid = getattr(obj, "_interleave_rid", None)
    if rid is None and obj is not None:
        try:
            rid = _side_rids.get(obj)
        except TypeError:
            rid = None
    return rid


def set_rid(obj, rid):
    try:
        obj._interleave_rid = rid
    except AttributeError:
        _side_rids[obj] = rid


def _report_end(fut):
    rid = _gather_rids.get(fut)
    text = None
    if fut.cancelled():
        op = "cancelled"
    elif getattr(fut, "_exception", None) is not None:
        op = "failed"
        text = one_line(fut._exception)
    else:
        op = "resolved"
    _session.current.op(rid, op, None, text=text)


def _gather_resource(key, name, file, line):
    rid = _gather_rids.get(key)
    if rid is None:
        rid = _session.current.new_resource("future", name, None, file, line)
        _gather_rids[key] = rid
        if asyncio.isfuture(key) and not key.done():
            key.add_done_callback(_report_end)
    return rid


def _sleep_until(frame, task, loop):
    handle = frame.f_locals.get("h")
    if handle is None:
        waiter = task._fut_waiter
        handle = next((h for h in loop._scheduled if h._args and h._args[0] is waiter), None)
    return to_ns(handle.when()) if handle is not None else None


def _at_frame(kind, frame, task, loop, file, line):
    if kind == "sleep":
        return ("sleep", _sleep_until(frame, task, loop))
    if kind == "wait_for":
        inner = frame.f_locals.get("fut")
        if getattr(inner, "_il_id", None) is not None:
            return ("join", None, inner._il_id)
        rid = rid_of(inner)
        return ("result", rid, None) if rid is not None else None
    if kind.startswith("gather:"):
        name = kind[7:]
        key = None
        for local in _GATHER_KEYS[name]:
            key = frame.f_locals.get(local)
            if key is not None:
                break
        if key is None:
            return None
        return ("gather", _gather_resource(key, name, file, line), None)
    rid = rid_of(frame.f_locals.get("self"))
    return (kind, rid, None) if rid is not None else None


def _by_waiter(task, file, line):
    waiter = task._fut_waiter
    if waiter is None:
        return ("suspended", None, None)
    tid = getattr(waiter, "_il_id", None)
    if tid is not None:
        return ("join", None, tid)
    if isinstance(waiter, _asyncio_tasks._GatheringFuture):
        return ("gather", _gather_resource(waiter, "gather", file, line), None)
    rid = rid_of(waiter)
    if rid is not None:
        return ("result", rid, None)
    return ("suspended", None, None)


def _code_kind(code):
    """What waiting in this code means (a `_FRAMES` value, "io"), or None."""
    filename = code.co_filename
    if not filename.startswith(_ASYNCIO_DIR):
        return None
    module = filename[len(_ASYNCIO_DIR):]
    kind = _FRAMES.get((module, code.co_name))
    if kind is None and module in _IO_FILES:
        kind = "io"
    return kind


def wait_plan(codes):
    """The frames of an await chain (by their codes) that say what it waits for, outermost
    first, as (index, kind): the same for every chain of the same codes, so cached."""
    return tuple((index, kind) for index, kind in enumerate(map(_code_kind, codes)) if kind)


_IO = ("io", None, None)
# Waits whose frame's `self` is the primitive waited on.
_ON_SELF = frozenset(kind for kind in _FRAMES.values() if kind not in ("sleep", "wait_for")
                     and not kind.startswith("gather:"))


def describe_wait(plan, frames, task, loop, file, line):
    """The innermost wait the plan's frames name (a wait whose frame tells nothing more,
    say a lock the program did not make, leaves the outer one), else the task's future's."""
    found = None
    for index, kind in plan:
        if kind in _ON_SELF:
            # The common case (a queue, a lock, an event), inline: the primitive is the
            # frame's `self`, and it is the program's when it has an id.
            obj = frames[index].f_locals.get("self")
            rid = getattr(obj, "_interleave_rid", None)
            if rid is None:
                rid = rid_of(obj)
            if rid is not None:
                found = (kind, rid, None)
            continue
        if kind == "io":
            found = _IO
            continue
        here = _at_frame(kind, frames[index], task, loop, file, line)
        if here is not None:
            found = here
    return found if found is not None else _by_waiter(task, file, line)
