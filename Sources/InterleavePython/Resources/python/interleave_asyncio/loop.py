"""The event loop: asyncio's selector loop with a virtual clock, which never runs a task
step on its own. Its `_run_once` runs the callbacks that are ready (future callbacks,
`call_soon`, due timers after `advance`), queues task steps aside and reports them
(`ready`), then answers the command and runs the next one (docs/python-protocol.md)."""

import asyncio
import collections
import heapq
import os
import sys
import warnings
from asyncio import events, futures

from . import eventlines, primitives, sourcepos
from . import session as _session
from .faults import InterleaveFault
from .tasks import InterleaveTask, report_after_step, step_handle, wakeup_method
from .waits import to_ns

# Rebuild the timer heap when more than half of at least 100 timers are cancelled
# (asyncio's own rule in BaseEventLoop._run_once).
_MIN_TIMERS_TO_COMPACT = 100


_base_call_soon = asyncio.SelectorEventLoop._call_soon


class InterleaveLoop(asyncio.SelectorEventLoop):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._task_ready = {}         # task id -> its queued step handles (FIFO by first)
        # Task ids in the order their `ready` events went out, one per queued step: the
        # Swift side's default (FIFO) order, which running ahead follows.
        self._ready_order = collections.deque()
        self._executor_jobs = 0
        self._internal_running = False
        # The selector's registrations (None: a selector without this private dict, which
        # is then polled at every command).
        self._registered = getattr(self._selector, "_fd_to_key", None)

    # -- what asyncio and the program see ---------------------------------------------------

    def time(self):
        return _session.current.now_ns / 1e9

    def _call_soon(self, callback, args, context):
        # The base method by name, not super(): this runs at every wake-up.
        handle = _base_call_soon(self, callback, args, context)
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, InterleaveTask):
            owner._il_scheduled = True
        return handle

    def create_task(self, coro, **kwargs):
        if self._task_factory is not None:
            return super().create_task(coro, **kwargs)
        self._check_closed()
        task = InterleaveTask(coro, loop=self, **kwargs)
        if task._source_traceback:
            del task._source_traceback[-1]
        return task

    def create_future(self):
        code = sys._getframe(1).f_code
        locate = _session.current.locate
        rank = locate.code_ranks.get(id(code))
        if rank is None:
            rank = locate.code_rank(code)
        if rank > 0:
            return primitives.Future(loop=self)
        return futures.Future(loop=self)

    def run_in_executor(self, executor, func, *args):
        future = super().run_in_executor(executor, func, *args)
        self._executor_jobs += 1
        future.add_done_callback(self._executor_job_done)
        return future

    def _executor_job_done(self, _future):
        self._executor_jobs -= 1

    async def shutdown_default_executor(self, *args, **kwargs):
        # Joined here, at once: asyncio's version waits on a thread's wake-up, which the
        # commands would not see.
        executor, self._default_executor = self._default_executor, None
        self._executor_shutdown_called = True
        if executor is not None:
            _session.current.channel.flush()
            executor.shutdown(wait=True)

    # -- the run loop -----------------------------------------------------------------------

    def run_forever(self):
        # Tasks left ready when this loop last stopped (run_until_complete returned before
        # they stepped) were reported waiting: ready again now that it runs.
        session = _session.current
        for tid in self._ready_order:
            session.emit_line(eventlines.ready(tid))
        try:
            super().run_forever()
        finally:
            # A stopped loop steps nothing: its ready tasks wait until it runs again (if ever),
            # and neither the Swift side nor running ahead may step them meanwhile.
            for tid in dict.fromkeys(self._ready_order):
                session.emit_line(eventlines.wait(tid, None, "suspended", None, None, None))

    def _run_once(self):
        self._settle()
        if self._stopping:
            return
        session = _session.current
        timer_at = self._next_timer() if self._scheduled else None
        if session.ahead and self._ready_order:
            # Running ahead with a task ready: the FIFO step, the common case, without
            # building the command (what `_choose_ahead` and `_execute` would do).
            tid = self._ready_order[0]
            session.answer_then_step(timer_at, tid)
            self._step(tid)
            return
        self._execute(session.next_command(timer_at, self._choose_ahead))

    def _choose_ahead(self, timer_at):
        """The command the Swift side's default schedule would send now (None: none)."""
        now = _session.current.now_ns
        if self._ready_order:
            return {"c": "step", "id": self._ready_order[0], "now": now}
        if timer_at is not None:
            return {"c": "advance", "now": timer_at if timer_at > now else now}
        return None

    def _settle(self):
        """Run every ready non-task callback, repeatedly; queue task steps aside."""
        session = _session.current
        ready = self._ready
        registered = self._registered
        ready_lines = eventlines.ready_lines
        if registered is None or len(registered) > 1 or self._signal_handlers:
            # Sockets, pipes or signals besides the loop's self-pipe. (Threads hand their
            # results over through `_ready` directly; the self-pipe only wakes a wait.)
            self._poll_io(0)
        while True:
            while ready:
                handle = ready.popleft()
                if handle._cancelled:
                    continue
                owner = getattr(handle._callback, "__self__", None)
                if not isinstance(owner, InterleaveTask):
                    handle._run()
                elif owner._il_internal:
                    self._internal_running = True
                    try:
                        handle._run()
                    finally:
                        self._internal_running = False
                else:
                    tid = owner._il_id
                    queued = self._task_ready.get(tid)
                    if queued is None:
                        self._task_ready[tid] = [handle]
                    else:
                        queued.append(handle)
                    self._ready_order.append(tid)
                    line = ready_lines.get(tid)
                    if line is None:
                        line = eventlines.ready_line(tid)
                    if session._unannounced:
                        session._announce_tasks()
                    session.channel.send_line(line)
            if self._executor_jobs and not self._task_ready:
                # A thread's result is due; threads take no virtual time: wait for it
                # (and let the Swift side see what happened so far meanwhile).
                session.channel.flush()
                self._poll_io(None)
                continue
            return

    def _poll_io(self, timeout):
        self._process_events(self._selector.select(timeout))

    def _next_timer(self):
        heap = self._scheduled
        if len(heap) > _MIN_TIMERS_TO_COMPACT and self._timer_cancelled_count * 2 > len(heap):
            for handle in heap:
                if handle._cancelled:
                    handle._scheduled = False
            self._scheduled = heap = [h for h in heap if not h._cancelled]
            heapq.heapify(heap)
            self._timer_cancelled_count = 0
        while heap and heap[0]._cancelled:
            heapq.heappop(heap)._scheduled = False
            self._timer_cancelled_count -= 1
        return to_ns(heap[0]._when) if heap else None

    # -- commands ---------------------------------------------------------------------------

    def _execute(self, cmd):
        session = _session.current
        kind = cmd["c"]
        if kind == "step":
            now = cmd["now"]
            if now != session.now_ns:
                session.set_clock(now)
            self._step(cmd["id"])
            return
        if kind == "quit":
            os._exit(0)
        if kind == "start":
            session.fatal("start: the program has already started")
        session.set_clock(cmd["now"])
        if kind == "advance":
            self._release_due_timers()
        else:
            task = self._live_task(cmd)
            if task is None:
                return
            if kind == "throw":
                self._throw(task, InterleaveFault(cmd["error"]))
            else:
                task.cancel()

    def _live_task(self, cmd):
        session = _session.current
        task = session.live_tasks.get(cmd["id"])
        if task is None and cmd["id"] > session._last_task_id:
            session.fatal("%s: no task %d" % (cmd["c"], cmd["id"]))
        # A task that has ended (or belongs to a closed loop) is left alone.
        return task if task is not None and task._loop is self else None

    def _step(self, tid):
        session = _session.current
        handles = self._task_ready.get(tid)
        if not handles:
            session.fatal("step: task %d is not ready" % tid)
        handle = handles.pop(0)
        if not handles:
            del self._task_ready[tid]
        order = self._ready_order
        if order[0] == tid:
            order.popleft()
        else:
            order.remove(tid)
        task = handle._callback.__self__
        task._il_scheduled = tid in self._task_ready
        session.running_task = tid
        try:
            handle._run()
        finally:
            session.running_task = None
            report_after_step(task, self, session)

    def _release_due_timers(self):
        now = _session.current.now_ns
        heap = self._scheduled
        while heap:
            handle = heap[0]
            if handle._cancelled:
                heapq.heappop(heap)._scheduled = False
                self._timer_cancelled_count -= 1
                continue
            if to_ns(handle._when) > now:
                break
            heapq.heappop(heap)._scheduled = False
            self._ready.append(handle)

    def _throw(self, task, fault):
        """The fault is raised in the task at its await. Only this task: the future it
        waits on may be shared (a gather, another task), so that future is left as it is
        and the task stops waiting on it."""
        callback, args = step_handle(task, fault)
        handles = self._task_ready.get(task._il_id)
        if handles:
            # Ready already: its queued step becomes one that raises.
            handles[0].cancel()
            handles[0] = events.Handle(callback, args, self, task._context)
            return
        waiter = task._fut_waiter
        if waiter is not None:
            waiter.remove_done_callback(wakeup_method(task))
            task._fut_waiter = None
        self.call_soon(callback, *args, context=task._context)


sourcepos.RUN_FRAMES.update(method.__code__ for method in (
    InterleaveLoop._run_once, InterleaveLoop._settle, InterleaveLoop._step))


def install():
    """Make asyncio.run, asyncio.Runner, new_event_loop and get_event_loop use the loop."""
    base = getattr(asyncio.unix_events, "_UnixDefaultEventLoopPolicy", None)
    set_policy = getattr(events, "_set_event_loop_policy", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if base is None:
            base = asyncio.DefaultEventLoopPolicy
        if set_policy is None:
            set_policy = asyncio.set_event_loop_policy

        class InterleavePolicy(base):
            _loop_factory = InterleaveLoop

        set_policy(InterleavePolicy())
