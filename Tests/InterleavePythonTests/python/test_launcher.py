"""The launcher keeps the package's bytecode in Interleave's own cache, even under
PYTHONDONTWRITEBYTECODE (compiling it at every start costs ~200 ms, and every step back starts
python3 again), and leaves the program's own imports as the user has them."""

import os
import unittest
from unittest import mock

from fifo_driver import FifoDriver
from support import ProgramTestCase


class BytecodeCacheTest(ProgramTestCase):
    def test_the_package_is_cached_and_the_program_is_left_alone(self):
        cache = os.path.join(self.dir, "cache")
        self.write("VALUE = 42\n", name="helper.py")
        program = self.write('''
            import asyncio, helper
            async def main():
                print(helper.VALUE)
            asyncio.run(main())
        ''')
        with mock.patch.dict(os.environ, {"XDG_CACHE_HOME": cache, "PYTHONDONTWRITEBYTECODE": "1"}):
            run = FifoDriver(program).run()
        self.assertEqual([line[2] for line in run.lines], ["42"])
        cached = [name for _, _, names in os.walk(cache) for name in names]
        self.assertTrue(any(name.startswith("runner.") and name.endswith(".pyc") for name in cached), cached)
        self.assertFalse(any(name.startswith("helper.") for name in cached), cached)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "__pycache__")))

    def test_an_unwritable_cache_still_runs(self):
        blocker = self.write("not a directory\n", name="cache")
        program = self.write('''
            import asyncio
            async def main():
                print("ran")
            asyncio.run(main())
        ''')
        with mock.patch.dict(os.environ, {"XDG_CACHE_HOME": blocker}):
            run = FifoDriver(program).run()
        self.assertEqual([line[2] for line in run.lines], ["ran"])


if __name__ == "__main__":
    unittest.main()
