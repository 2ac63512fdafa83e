"""The protocol's two descriptors: events out (JSON lines), commands in.

Events are queued and written together when a command is answered (`end`), so nothing
reaches the Swift side between an `end` and the next command, even from other threads.
While running ahead (command `run`) answers are not written one by one: they go out in
batches (1024 events or 20 ms), and whenever the Python side is about to block.
"""

import json
import os
try:
    import fcntl
except ImportError:          # not a POSIX system: the pipe keeps its size
    fcntl = None
import select
import time

PROTOCOL_VERSION = 1

_COMMANDS = {
    "start": (),
    "step": ("id", "now"),
    "advance": ("now",),
    "throw": ("id", "now", "error"),
    "cancel": ("id", "now"),
    "run": (),
    "quit": (),
}


class BadCommand(Exception):
    """A command line the Swift side should never send."""


def parse_command(line):
    """Decode and check one command line; raises BadCommand with a one-line reason."""
    try:
        cmd = json.loads(line)
    except ValueError:
        raise BadCommand("not JSON: %r" % line[:200])
    if not isinstance(cmd, dict) or not isinstance(cmd.get("c"), str):
        raise BadCommand("not a command object: %r" % line[:200])
    fields = _COMMANDS.get(cmd["c"])
    if fields is None:
        raise BadCommand("unknown command %r" % cmd["c"])
    for field in fields:
        value = cmd.get(field)
        if field == "error":
            ok = isinstance(value, str)
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok:
            raise BadCommand("command %r needs %r (got %r)" % (cmd["c"], field, value))
    return cmd


# While running ahead, the queued events are written once they pass this many lines
# (about 64 KiB at the ~60 bytes of a typical event), or once the oldest has waited this
# long (a program that blocks in its steps, say in time.sleep, is still seen going on).
BATCH_LINES = 1024
BATCH_SECONDS = 0.02

# A batch is bigger than a pipe's default 64 KiB (1024 lines of ~60-200 bytes). With the
# default, each write of a batch blocked until the Swift side had read and recorded most of
# the previous one, so the two sides took turns: 23% of the Python side's run was spent
# blocked (the ping-pong benchmark, 3.6x CPython; with 1 MiB, 2.6x). Linux's
# unprivileged maximum is 1 MiB (/proc/sys/fs/pipe-max-size). Widened from the start: the
# kernel allocates a pipe's pages as they fill, so stepping command by command costs nothing.
EVENTS_PIPE_BYTES = 1 << 20


class Channel:
    def __init__(self, events_fd, commands_fd):
        self._events_fd = events_fd
        # Read with os.read into our own buffer, not a buffered file: whether a command
        # is waiting must be known without blocking (bytes already read count too).
        self._commands_fd = commands_fd
        self._unread = b""
        # Lines (str, no newline). Other threads append too: `flush` takes the first n
        # lines and deletes them, each one atomic list operation, so no lock is needed.
        self._pending = []
        self.batching = False        # running ahead: `answer` flushes only big batches
        self._flushed_at = 0.0       # time.monotonic() of the last flush while batching
        self._encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        self.send_line = self._pending.append
        self._widen_events_pipe()

    def _widen_events_pipe(self):
        """Let the events pipe hold several batches, where the system allows (a smaller
        limit, or another system, keeps the default: only speed depends on it)."""
        set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
        if set_size is None:
            return
        try:
            fcntl.fcntl(self._events_fd, set_size, EVENTS_PIPE_BYTES)
        except OSError:
            pass

    def send(self, event):
        self.send_line(self._encode(event))

    def flush(self):
        pending = self._pending
        count = len(pending)
        if not count:
            return
        lines = pending[:count]
        del pending[:count]
        lines.append("")
        data = "\n".join(lines).encode("utf-8", "replace")
        try:
            while data:
                written = os.write(self._events_fd, data)
                data = data[written:]
        except OSError:
            # The Swift side is gone: nobody to report to.
            os._exit(0)

    def answer(self, timer_at, then=None):
        """End the current command: the earliest timer, then `end`; then, running ahead,
        the `ran` line of the next command (one string: it is written at every step)."""
        if timer_at is None:
            text = '{"e":"timer","at":null}\n{"e":"end"}'
        else:
            text = f'{{"e":"timer","at":{timer_at}}}\n{{"e":"end"}}'
        self.send_line(text if then is None else f"{text}\n{then}")
        if not self.batching:
            self.flush()
        elif len(self._pending) >= BATCH_LINES \
                or time.monotonic() - self._flushed_at >= BATCH_SECONDS:
            self.flush()
            self._flushed_at = time.monotonic()
            self._check_commands_while_ahead()

    def _check_commands_while_ahead(self):
        """The Swift side stops a run-ahead by closing the commands descriptor (or with
        `quit`): exit then. Any other command has no place while running ahead."""
        if not self._unread:
            readable, _, _ = select.select([self._commands_fd], [], [], 0)
            if not readable:
                return
        cmd = self.read_command()
        if cmd["c"] != "quit":
            raise BadCommand("%r while running ahead" % cmd["c"])
        os._exit(0)

    def read_command(self):
        """The next command; EOF (the Swift side closed its end) exits quietly."""
        self.flush()
        unread = self._unread
        while b"\n" not in unread:
            try:
                chunk = os.read(self._commands_fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                if not unread:
                    os._exit(0)
                unread += b"\n"      # EOF after a last line without its newline
                break
            unread += chunk
        line, _, self._unread = unread.partition(b"\n")
        return parse_command(line.decode("utf-8", "replace"))
