"""The hand-formatted hot events are the JSON the json module would write: the same keys in
the same order, and strings (paths, printed text) escaped as JSON requires."""

import json
import os
import sys
import unittest

from fifo_driver import LAUNCHER

# Imported as the launcher does: no __pycache__ in the resource directory.
sys.path.insert(0, os.path.dirname(os.path.dirname(LAUNCHER)))
_writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
from interleave_asyncio import eventlines, sourcepos  # noqa: E402
sys.dont_write_bytecode = _writes_bytecode
del sys.path[0]

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
PATHS = [None, "/tmp/prog.py", '/tmp/odd "quoted" \\ dir/\u00e9t\u00e9 \u2603.py',
         "/tmp/tab\there/new\nline.py"]


class EventLinesTest(unittest.TestCase):
    def same(self, line, event):
        self.assertEqual(line, _encode(event))
        self.assertEqual(json.loads(line), event)

    def test_op(self):
        for path in PATHS:
            for task, value, line, text in ((None, None, None, None), (3, 7, 12, None),
                                            (1, 0, 1, 'ValueError: "bad"\n\u00e9')):
                event = {"e": "op", "resource": 4, "task": task, "op": "acquired",
                         "value": value, "file": path, "line": line}
                if text is not None:
                    event["text"] = text
                self.same(eventlines.op(4, task, "acquired", value, path, line, text), event)

    def test_task_step_events(self):
        self.same(eventlines.ready(12), {"e": "ready", "id": 12})
        self.same(eventlines.ended("done", 2), {"e": "done", "id": 2})
        self.same(eventlines.ended("cancelled", 2), {"e": "cancelled", "id": 2})
        for path in PATHS:
            self.same(eventlines.sleep(1, 10**12, path, 5),
                      {"e": "sleep", "id": 1, "until": 10**12, "file": path, "line": 5})
            self.same(eventlines.sleep(1, None, path, None),
                      {"e": "sleep", "id": 1, "until": None, "file": path, "line": None})
            self.same(eventlines.yielded(2, path, 9),
                      {"e": "yield", "id": 2, "file": path, "line": 9})
            self.same(eventlines.wait(3, None, "join", 4, path, 8),
                      {"e": "wait", "id": 3, "resource": None, "op": "join", "awaiting": 4,
                       "file": path, "line": 8})
            self.same(eventlines.wait(3, 6, "get", None, path, None),
                      {"e": "wait", "id": 3, "resource": 6, "op": "get",
                       "file": path, "line": None})

    def test_cached_lines(self):
        # The forms that take the `"file":F,"line":L` tail made once per call site, and
        # the lines kept per task: twice each, so that the cached copy is checked too.
        for path in PATHS:
            for line in (None, 1, 4095, 4096, 123456):
                tail = _encode({"file": path, "line": line})[1:-1]
                for _ in range(2):
                    for task, value, text in ((None, None, None), (3, 0, None), (3, 4095, None),
                                              (3, 4096, "x"), (1, 10**15, None), (2, True, None),
                                              (2, -1, 'ValueError: "bad"\n\u00e9')):
                        event = {"e": "op", "resource": 4, "task": task, "op": "put",
                                 "value": value, "file": path, "line": line}
                        if text is not None:
                            event["text"] = text
                        self.same(eventlines.op_tail(4, task, "put", value, tail, text), event)
                    self.same(eventlines.wait_tail(3, None, "join", 4, tail),
                              {"e": "wait", "id": 3, "resource": None, "op": "join",
                               "awaiting": 4, "file": path, "line": line})
                    self.same(eventlines.wait_tail(3, 6, "get", None, tail),
                              {"e": "wait", "id": 3, "resource": 6, "op": "get",
                               "file": path, "line": line})
                    for tid in (2, 5000):
                        self.same(eventlines.yielded_tail(tid, tail),
                                  {"e": "yield", "id": tid, "file": path, "line": line})
                    self.same(eventlines.sleep_tail(1, 10**12, tail),
                              {"e": "sleep", "id": 1, "until": 10**12, "file": path,
                               "line": line})
        for _ in range(2):
            self.same(eventlines.ready_lines.get(12) or eventlines.ready_line(12),
                      {"e": "ready", "id": 12})
            for now in (0, 0, 10**12, 10**12, 5 * 10**12):
                self.same(eventlines.ran_step(7, now),
                          {"e": "ran", "c": "step", "id": 7, "now": now})

    def test_site_tail(self):
        """SourceLocator.site's tail is the JSON of `"file"` and `"line"`, for the program's
        frames (its path) and others (their absolute path), the same on a second look."""
        here = os.path.abspath(__file__)

        def stops():
            yield
            yield

        for program in (here, "/elsewhere/prog.py"):
            locate = sourcepos.SourceLocator(program)
            # Two generators stopped at their first yield, then one at its second: the
            # cache is by code and instruction, so the second yield has its own line.
            for gen in (stops(), stops()):
                next(gen)
                locate.code_rank(gen.gi_frame.f_code)
                for _ in range(2):
                    line, tail = locate.site(gen.gi_frame)
                    self.assertEqual(line, gen.gi_frame.f_lineno)
                    self.assertEqual(tail, _encode({"file": here, "line": line})[1:-1])
            next(gen)
            self.assertEqual(locate.site(gen.gi_frame)[0], line + 1)
        self.assertEqual(sourcepos.NO_SITE, _encode({"file": None, "line": None})[1:-1])

    def test_print(self):
        for text in ("", "plain", 'quote " backslash \\ tab \t', "\u00e9\u2603\U0001F600",
                     "\x00\x1f\x7f", "\ud800 lone surrogate"):
            self.same(eventlines.printed(None, text, False),
                      {"e": "print", "task": None, "text": text})
            self.same(eventlines.printed(5, text, True),
                      {"e": "print", "task": 5, "text": text, "stream": "stderr"})

    def test_numbers(self):
        self.assertEqual(eventlines.number(True), "true")
        self.assertEqual(eventlines.number(None), "null")
        self.assertEqual(eventlines.number(-3), "-3")


if __name__ == "__main__":
    unittest.main()
