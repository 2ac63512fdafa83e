"""`asyncio.as_completed` makes its tasks from a set of the awaitables given, so the order they
are made (and first run) follows object ids, which differ from run to run. Here they are made
in the order given, one of the orders CPython itself may take, so that a run is the same every
time: stepping back re-runs the program and must meet the same run again."""

import asyncio
import functools


def install():
    original = asyncio.as_completed

    @functools.wraps(original)
    def as_completed(fs, *args, **kwargs):
        # A single future or coroutine is the original's to refuse (its TypeError).
        if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
            return original(fs, *args, **kwargs)
        ordered = [asyncio.ensure_future(f) for f in dict.fromkeys(fs)]
        return original(ordered, *args, **kwargs)

    asyncio.as_completed = as_completed
    asyncio.tasks.as_completed = as_completed
