"""Shared by the tests: write a program to a temporary file and run it through the FIFO
driver; where the lessons are."""

import os
import shutil
import tempfile
import textwrap
import unittest

from fifo_driver import FifoDriver

HERE = os.path.dirname(os.path.abspath(__file__))
# The lessons' programs and CPython's output for each; INTERLEAVE_LESSONS_DIR overrides.
LESSONS = os.environ.get("INTERLEAVE_LESSONS_DIR") or os.path.join(HERE, "..", "Lessons")


class ProgramTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="interleave-py-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def write(self, source, name="prog.py"):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(textwrap.dedent(source).lstrip("\n"))
        return path

    def run_source(self, source, driver=FifoDriver, args=()):
        return driver(self.write(source), args).run()

    def assertLines(self, run, expected):
        """expected: (seconds, task name, text) per printed line."""
        got = [(round(t, 3), name, text) for t, name, text, _ in run.lines]
        self.assertEqual(got, [(float(t), n, x) for t, n, x in expected], run.error)


def steering(rule):
    """A FifoDriver that asks `rule(driver, run, batch)` for each next command first."""

    class Steered(FifoDriver):
        def choose(self, run, batch):
            return rule(self, run, batch)

    return Steered
