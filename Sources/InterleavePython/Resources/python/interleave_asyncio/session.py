"""The one Interleave session of this process: the channel, ids, the virtual clock and
which task is running. Every module reports through `current`."""

import os
import platform

from . import eventlines
from .protocol import PROTOCOL_VERSION, BadCommand
from .sourcepos import SourceLocator

current = None


class Session:
    def __init__(self, channel, program):
        self.channel = channel
        self.program = program
        self.locate = SourceLocator(program)
        self.now_ns = 0
        self.running_task = None     # id of the visible task whose step runs now
        self.live_tasks = {}         # id -> task, until it ends
        self._last_task_id = 0
        self._last_resource_id = 0
        self._unannounced = []       # tasks created but not yet reported (see announce)
        self.ahead = False           # running ahead (command `run`): choose the commands

    def hello(self):
        self.channel.send({"e": "hello", "version": platform.python_version(),
                           "protocol": PROTOCOL_VERSION})
        self.channel.flush()

    # -- events ---------------------------------------------------------------------------

    def emit(self, event):
        if self._unannounced:
            self._announce_tasks()
        self.channel.send(event)

    def emit_line(self, line):
        """An event already formatted (eventlines)."""
        if self._unannounced:
            self._announce_tasks()
        self.channel.send_line(line)

    def new_task(self, task, parent, file, line):
        """Give a task its id; its `task` event waits until the next event goes out, so a
        name set right after creation (3.11's TaskGroup does so) is the one reported."""
        self._last_task_id += 1
        task._il_id = self._last_task_id
        task._il_origin = (parent, file, line)
        self.live_tasks[task._il_id] = task
        self._unannounced.append(task)
        return task._il_id

    def _announce_tasks(self):
        tasks, self._unannounced = self._unannounced, []
        for task in tasks:
            parent, file, line = task._il_origin
            if task._il_named:
                name = task.get_name()
            else:
                coro = task.get_coro()
                name = getattr(coro, "__qualname__", None) or type(coro).__name__
            self.channel.send({"e": "task", "id": task._il_id, "name": name,
                               "parent": parent, "file": file, "line": line})

    def new_resource(self, kind, name, capacity, file, line):
        self._last_resource_id += 1
        rid = self._last_resource_id
        self.emit({"e": "resource", "id": rid, "kind": kind, "name": name,
                   "capacity": capacity, "file": file, "line": line})
        return rid

    def op(self, resource, op, value, depth=3, text=None):
        file, line = self.locate.call_site(depth)
        if self._unannounced:
            self._announce_tasks()
        self.channel.send_line(eventlines.op(resource, self.running_task, op, value,
                                             file, line, text))

    # -- commands -------------------------------------------------------------------------

    def next_command(self, timer_at, choose_ahead):
        """Answer the command being run (`timer`, `end`) and get the next one: while
        running ahead, the one `choose_ahead(timer_at)` gives (announced by a `ran` line);
        else, or when it gives none, the next one read from the Swift side."""
        if self._unannounced:
            self._announce_tasks()
        channel = self.channel
        cmd = choose_ahead(timer_at) if self.ahead else None
        try:
            channel.answer(timer_at, None if cmd is None else _ran_line(cmd))
        except BadCommand as exc:
            self.fatal("bad command: %s" % exc)
        if cmd is not None:
            return cmd
        # Not running ahead, or nothing ready and no timer: then the Swift side decides,
        # told so by `held` (it would otherwise wait for a `ran` that never comes).
        if self.ahead:
            channel.send_line(HELD_LINE)
        self.ahead = channel.batching = False
        while True:
            try:
                cmd = channel.read_command()
            except BadCommand as exc:
                self.fatal("bad command: %s" % exc)
            if cmd["c"] != "run":
                return cmd
            cmd = choose_ahead(timer_at)
            if cmd is None:
                channel.send_line(HELD_LINE)
                continue
            self.ahead = channel.batching = True
            channel.send_line(_ran_line(cmd))
            return cmd

    def answer_then_step(self, timer_at, tid):
        """Running ahead: answer the command run, and announce (`ran`) a step of task
        `tid` at the current clock (next_command's fast path)."""
        if self._unannounced:
            self._announce_tasks()
        try:
            self.channel.answer(timer_at, eventlines.ran_step(tid, self.now_ns))
        except BadCommand as exc:
            self.fatal("bad command: %s" % exc)

    def set_clock(self, now):
        if now < self.now_ns:
            self.fatal("the clock cannot go back (now %d, asked %d)" % (self.now_ns, now))
        self.now_ns = now

    def fatal(self, message):
        """A protocol error: report it as the program's exit (status 2) and stop."""
        self.channel.send({"e": "exit", "status": 2, "error": "interleave_asyncio: " + message})
        self.channel.send({"e": "end"})
        self.channel.flush()
        os._exit(2)

    def exit(self, status, error):
        if self._unannounced:
            self._announce_tasks()
        self.channel.send({"e": "exit", "status": status, "error": error})
        self.channel.send({"e": "end"})
        self.channel.flush()
        os._exit(status)


HELD_LINE = '{"e":"held"}'


def _ran_line(cmd):
    if cmd["c"] == "step":
        return f'{{"e":"ran","c":"step","id":{cmd["id"]},"now":{cmd["now"]}}}'
    return f'{{"e":"ran","c":"advance","now":{cmd["now"]}}}'
