"""The protocol's two descriptors: events out (JSON lines), commands in.

Events are queued and written together when a command is answered (`end`), so nothing
reaches the Swift side between an `end` and the next command, even from other threads.
"""

import json
import os
import threading

PROTOCOL_VERSION = 1

_COMMANDS = {
    "start": (),
    "step": ("id", "now"),
    "advance": ("now",),
    "throw": ("id", "now", "error"),
    "cancel": ("id", "now"),
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


class Channel:
    def __init__(self, events_fd, commands_fd):
        self._events_fd = events_fd
        self._commands = os.fdopen(commands_fd, "rb")
        self._pending = []
        self._lock = threading.Lock()
        self._encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def send(self, event):
        line = self._encode(event)
        with self._lock:
            self._pending.append(line)

    def flush(self):
        with self._lock:
            lines, self._pending = self._pending, []
        if not lines:
            return
        data = ("\n".join(lines) + "\n").encode("utf-8", "replace")
        try:
            while data:
                written = os.write(self._events_fd, data)
                data = data[written:]
        except OSError:
            # The Swift side is gone: nobody to report to.
            os._exit(0)

    def answer(self, timer_at):
        """End the current command: the earliest timer, then `end`."""
        self.send({"e": "timer", "at": timer_at})
        self.send({"e": "end"})
        self.flush()

    def read_command(self):
        """The next command; EOF (the Swift side closed its end) exits quietly."""
        try:
            line = self._commands.readline()
        except OSError:
            line = b""
        if not line:
            os._exit(0)
        return parse_command(line.decode("utf-8", "replace"))
