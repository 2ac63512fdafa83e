"""Every complete program of the four lessons prints what CPython prints, at the same
(virtual) seconds, and ends with the same status (Lessons/NAME.expected, CPython 3.11's
output timed in real time: `exit S`, then `SECONDS<TAB>out|err<TAB>text`; a traceback is
kept as its last line)."""

import glob
import os
import unittest

from fifo_driver import FifoDriver
from support import LESSONS


def _expected(path):
    with open(path) as f:
        lines = f.read().splitlines()
    status = int(lines[0].split()[1])
    rows = [line.split("\t", 2) for line in lines[1:] if line]
    return status, [(float(t), stream, text) for t, stream, text in rows]


def _normalize(text):
    # The never-awaited warning's prefix depends on the version: sys:1: up to 3.12.
    return text.replace("<sys>:0:", "sys:1:")


class LessonsTest(unittest.TestCase):
    def test_lessons_directory_holds_programs(self):
        if not os.path.isdir(LESSONS):
            self.skipTest("no lessons at %s (set INTERLEAVE_LESSONS_DIR)" % LESSONS)
        self.assertGreaterEqual(len(glob.glob(os.path.join(LESSONS, "*.expected"))), 16)

    def test_every_lesson_program_as_cpython(self):
        expectations = sorted(glob.glob(os.path.join(LESSONS, "*.expected")))
        if not expectations:
            self.skipTest("no lessons at %s (set INTERLEAVE_LESSONS_DIR)" % LESSONS)
        for expected_path in expectations:
            program = expected_path[:-len(".expected")] + ".py"
            with self.subTest(program=os.path.basename(program)):
                self._check(program, *_expected(expected_path))

    def _check(self, program, status, expected):
        run = FifoDriver(program).run()
        self.assertFalse(run.deadlock)
        self.assertEqual(run.status, status, run.error)
        got_out = [(round(t, 1), text) for t, _, text, stream in run.lines if stream == "stdout"]
        want_out = [(t, text) for t, stream, text in expected if stream == "out"]
        self.assertEqual(got_out, want_out)
        got_err = {(round(t, 1), _normalize(text))
                   for t, _, text, stream in run.lines if stream == "stderr"}
        if run.error:
            got_err.add((round(run.lines[-1][0] if run.lines else 0.0, 1),
                         run.error.splitlines()[-1]))
        want_err = {(t, _normalize(text)) for t, stream, text in expected if stream == "err"}
        self.assertLessEqual(want_err, got_err)
        version = tuple(int(part) for part in run.events[0]["version"].split(".")[:2])
        if version < (3, 12):
            # 3.12 on adds get_event_loop()'s DeprecationWarning (l2-event-loop).
            self.assertEqual(want_err, got_err)


class LessonDetailsTest(unittest.TestCase):
    """What the visualizer shows beyond the printed lines, on a few lessons."""

    def setUp(self):
        if not os.path.isdir(LESSONS):
            self.skipTest("no lessons at %s (set INTERLEAVE_LESSONS_DIR)" % LESSONS)

    def test_gather_names_both_tasks_and_their_parent(self):
        run = FifoDriver(os.path.join(LESSONS, "l0-gather.py")).run()
        tasks = {e["name"]: e for e in run.of("task")}
        self.assertEqual(set(tasks), {"main", "task1", "task2"})
        self.assertIsNone(tasks["main"]["parent"])
        self.assertEqual(tasks["task1"]["parent"], tasks["main"]["id"])
        wait = run.of("wait", id=tasks["main"]["id"])[0]
        self.assertEqual((wait["op"], wait["line"]), ("gather", 14))
        sleep = run.of("sleep", id=tasks["task1"]["id"])[0]
        self.assertEqual((sleep["until"], sleep["line"]), (2 * 10**9, 5))

    def test_lock_waiter_and_holder(self):
        run = FifoDriver(os.path.join(LESSONS, "l2-lock.py")).run()
        lock = run.of("resource", kind="lock")[0]
        second = run.of("task", name="my_coroutine")[1]["id"]
        self.assertEqual(run.of("wait", id=second)[0]["resource"], lock["id"])
        self.assertEqual(run.of("wait", id=second)[0]["op"], "acquire")
        holders = [e["value"] for e in run.of("op", resource=lock["id"], op="acquired")]
        self.assertEqual(len(holders), 2)
        self.assertEqual(holders[1], second)

    def test_event_waiter(self):
        run = FifoDriver(os.path.join(LESSONS, "l3-event.py")).run()
        event = run.of("resource", kind="event")[0]["id"]
        worker2 = run.of("task", name="worker2")[0]["id"]
        self.assertEqual(run.of("wait", id=worker2)[0]["op"], "wait")
        self.assertEqual(run.of("wait", id=worker2)[0]["resource"], event)
        self.assertEqual(len(run.of("op", resource=event, op="set")), 1)

    def test_as_completed_wait(self):
        run = FifoDriver(os.path.join(LESSONS, "l3-as-completed.py")).run()
        main = run.of("task", name="main")[0]["id"]
        ops = {e["op"] for e in run.of("wait", id=main)}
        self.assertEqual(ops, {"gather"})
        self.assertEqual(len(run.of("failed")), 1)
        self.assertEqual(run.of("failed")[0]["error"], "Exception: Something went wrong!")


if __name__ == "__main__":
    unittest.main()
