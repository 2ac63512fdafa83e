"""Tasks: the pure-Python asyncio task, so that a queued step is a bound method whose
`__self__` is the task (the loop can tell task steps from other callbacks), and the
event that says what a task does after each of its steps."""

from asyncio import tasks as _asyncio_tasks

from . import eventlines
from . import session as _session
from .faults import one_line, strip_pure_python_frames
from .sourcepos import NO_SITE, await_chain
from .waits import describe_wait, wait_plan

# Await chains by the ids of their code objects -> (index of the frame to show, its file,
# wait plan, the code objects themselves, kept so that their ids are not reused): a task
# waits at the same few places over and over.
_chains = {}

# Coroutines the loop's own shutdown runs as tasks: run at once, never shown.
_INTERNAL_COROUTINES = frozenset(("shutdown_asyncgens", "shutdown_default_executor"))


class InterleaveTask(_asyncio_tasks._PyTask):
    """Installed as `asyncio.Task` too, and named `Task`: asyncio's messages and reprs
    ("Task exception was never retrieved") read as with CPython's own task."""

    _il_id = None            # None: an internal task, run eagerly and never reported
    _il_named = False        # the program gave the name (create_task(name=…), set_name)
    _il_scheduled = False    # a step of this task is queued
    _il_internal = False

    def __init__(self, coro, *args, **kwargs):
        super().__init__(coro, *args, **kwargs)
        if _is_internal(coro, getattr(self._loop, "_internal_running", None)):
            self._il_internal = True
            return
        session = _session.current
        self._il_named = kwargs.get("name") is not None
        file, line = session.locate.call_site(2)
        session.new_task(self, session.running_task, file, line)

    def set_name(self, value):
        super().set_name(value)
        self._il_named = True


InterleaveTask.__name__ = InterleaveTask.__qualname__ = "Task"
InterleaveTask.__module__ = "asyncio.tasks"


def _is_internal(coro, running_internal):
    """Tasks of the loop's own shutdown (and what they start) run at once, unreported;
    so do tasks of a loop that is not an InterleaveLoop (running_internal is None)."""
    if running_internal or running_internal is None:
        return True
    code = getattr(coro, "cr_code", None)
    return code is not None and code.co_name in _INTERNAL_COROUTINES \
        and "asyncio" in code.co_filename


def step_handle(task, exc):
    """The queued step that raises `exc` in the task where it awaits."""
    return task._Task__step, (exc,)


def wakeup_method(task):
    return task._Task__wakeup


def report_after_step(task, loop, session):
    """One event for what the task does now that its step is over."""
    tid = task._il_id
    if task._state != "PENDING":
        session.live_tasks.pop(tid, None)
        if task.cancelled():
            session.emit_line(eventlines.ended("cancelled", tid))
        elif task._exception is not None:
            # As a C task's would, its traceback starts in the coroutine.
            strip_pure_python_frames(task._exception)
            if getattr(task, "_exception_tb", None) is not None:
                task._exception_tb = task._exception.__traceback__
            # `_exception`, not `exception()`, which would mark it retrieved and silence
            # asyncio's "Task exception was never retrieved".
            session.emit({"e": "failed", "id": tid, "error": one_line(task._exception)})
        else:
            session.emit_line(eventlines.ended("done", tid))
        return
    frames, code_ids = await_chain(task._coro)
    known = _chains.get(code_ids)
    if known is None:
        codes = tuple(frame.f_code for frame in frames)
        known = _chains[code_ids] = session.locate.innermost(codes) + (wait_plan(codes), codes)
    where, file, plan, _ = known
    if where is None:
        line, tail = None, NO_SITE
    else:
        frame = frames[where]
        locate = session.locate
        site = locate.sites.get((id(frame.f_code), frame.f_lasti))
        line, tail = site if site is not None else locate.site(frame)
    if task._il_scheduled:
        event = eventlines.yielded_tail(tid, tail)
    else:
        wait = describe_wait(plan, frames, task, loop, file, line)
        if wait[0] == "sleep":
            event = eventlines.sleep_tail(tid, wait[1], tail)
        else:
            op, resource, awaiting = wait
            event = eventlines.wait_tail(tid, resource, op, awaiting if op == "join" else None,
                                         tail)
    # A wait may announce a resource (gather): tasks made in the step go out before it.
    if session._unannounced:
        session._announce_tasks()
    session.channel.send_line(event)
