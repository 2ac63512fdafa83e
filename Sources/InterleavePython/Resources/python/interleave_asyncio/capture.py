"""The program's stdout and stderr: each complete line becomes a `print` event, attributed
to the task whose step wrote it (null at module level, in callbacks and in other threads)."""

import io
import sys
import threading

from . import eventlines
from . import session as _session


class _BinaryLines(io.RawIOBase):
    """`sys.stdout.buffer`: bytes written there are decoded and join the text lines."""

    def __init__(self, text):
        self._text = text

    def writable(self):
        return True

    def write(self, data):
        self._text.write(bytes(data).decode(self._text.encoding, "replace"))
        return len(data)


class LineWriter(io.TextIOBase):
    def __init__(self, stream):
        super().__init__()
        self._stream = stream          # "stdout" or "stderr"
        self._partial = ""
        self._main_thread = threading.main_thread()
        self.buffer = _BinaryLines(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def name(self):
        return "<%s>" % self._stream

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if "\n" not in text:
            self._partial += text
            return len(text)
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        for line in lines:
            self._send(line)
        return len(text)

    def flush(self):
        # A partial line stays buffered until its newline or the program's end.
        pass

    def finish(self):
        if self._partial:
            line, self._partial = self._partial, ""
            self._send(line)

    def _send(self, line):
        session = _session.current
        task = session.running_task if threading.current_thread() is self._main_thread else None
        session.emit_line(eventlines.printed(task, line, self._stream == "stderr"))


def install():
    """Replace sys.stdout and sys.stderr; returns the writers, to finish at the end."""
    writers = (LineWriter("stdout"), LineWriter("stderr"))
    sys.stdout, sys.stderr = writers
    return writers
