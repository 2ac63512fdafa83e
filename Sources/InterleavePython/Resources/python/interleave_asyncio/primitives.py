"""The asyncio primitives the program makes, as subclasses that report: a `resource` event
when made, an `op` event when they change. `install()` puts them in the `asyncio`
namespace before the program runs, so `asyncio.Lock()` in the program makes one of these;
asyncio's own internals keep using the plain classes and stay out of the picture."""

import asyncio
from asyncio import futures, locks, queues

from . import eventlines
from . import session as _session
from .faults import one_line
from .waits import set_rid


def _register(obj, kind, capacity=None):
    session = _session.current
    file, line = session.locate.call_site(3)
    rid = session.new_resource(kind, type(obj).__name__, capacity, file, line)
    set_rid(obj, rid)
    return rid


def _op(obj, op, value=None, text=None):
    """Session.op, flattened (it runs at every queue and lock operation); the walk for the
    call site starts above the primitive's method, which is never the program's."""
    session = _session.current
    tail = session.locate.call_site_tail(3)
    if session._unannounced:
        session._announce_tasks()
    session.channel.send_line(eventlines.op_tail(obj._interleave_rid, session.running_task, op,
                                                 value, tail, text))


def _running():
    return _session.current.running_task


class Lock(locks.Lock):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _register(self, "lock")

    async def acquire(self):
        result = await super().acquire()
        _op(self, "acquired", _running())
        return result

    def release(self):
        super().release()
        _op(self, "released")


class Event(locks.Event):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _register(self, "event")

    def set(self):
        was_set = self._value
        super().set()
        if not was_set:
            _op(self, "set")

    def clear(self):
        was_set = self._value
        super().clear()
        if was_set:
            _op(self, "cleared")


class Condition(locks.Condition):
    """A Condition with its own lock reports the lock's acquire/release as its own; with a
    lock the program gave, that lock reports them."""

    def __init__(self, lock=None, *args, **kwargs):
        super().__init__(lock, *args, **kwargs)
        rid = _register(self, "condition")
        if lock is None:
            own_lock = self._lock
            own_lock._interleave_rid = rid
            plain_acquire, plain_release = own_lock.acquire, own_lock.release

            async def acquire():
                result = await plain_acquire()
                _op(self, "acquired", _running())
                return result

            def release():
                plain_release()
                _op(self, "released")

            self.acquire, self.release = acquire, release

    def notify(self, n=1):
        pending = sum(1 for waiter in self._waiters if not waiter.done())
        super().notify(n)
        woken = pending - sum(1 for waiter in self._waiters if not waiter.done())
        _op(self, "notified", woken)


class Semaphore(locks.Semaphore):
    def __init__(self, value=1, *args, **kwargs):
        super().__init__(value, *args, **kwargs)
        self._il_capacity = value
        _register(self, "semaphore", value)

    async def acquire(self):
        result = await super().acquire()
        _op(self, "acquired", self._il_capacity - self._value)
        return result

    def release(self):
        super().release()
        _op(self, "released", self._il_capacity - self._value)


class BoundedSemaphore(Semaphore, locks.BoundedSemaphore):
    pass


class Queue(queues.Queue):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _register(self, "queue", self._maxsize)

    # For this package's own queue classes the next put_nowait/get_nowait in the MRO is
    # asyncio.Queue's, called by name: super() costs as much as the call (they run at
    # every message). A program's subclass takes super() (its MRO may differ).
    def put_nowait(self, item):
        if self.__class__ in _OWN_QUEUES:
            _plain_put_nowait(self, item)
        else:
            super().put_nowait(item)
        _op(self, "put", self.qsize())

    def get_nowait(self):
        if self.__class__ in _OWN_QUEUES:
            item = _plain_get_nowait(self)
        else:
            item = super().get_nowait()
        _op(self, "got", self.qsize())
        return item

    def task_done(self):
        super().task_done()
        _op(self, "task_done", self._unfinished_tasks)


class PriorityQueue(Queue, queues.PriorityQueue):
    pass


class LifoQueue(Queue, queues.LifoQueue):
    pass


_plain_put_nowait = queues.Queue.put_nowait
_plain_get_nowait = queues.Queue.get_nowait
# Those whose asyncio base does not override them (all, in 3.10-3.13).
_OWN_QUEUES = frozenset(
    ours for ours, base in ((Queue, queues.Queue), (PriorityQueue, queues.PriorityQueue),
                            (LifoQueue, queues.LifoQueue))
    if base.put_nowait is _plain_put_nowait and base.get_nowait is _plain_get_nowait)


class _FutureType(type):
    """`isinstance(x, asyncio.Future)` stays true for every asyncio future and task."""

    def __instancecheck__(cls, obj):
        if cls is Future:
            return isinstance(obj, (futures._PyFuture, futures._CFuture))
        return type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        if cls is Future:
            return issubclass(sub, (futures._PyFuture, futures._CFuture))
        return type.__subclasscheck__(cls, sub)


class Future(futures._PyFuture, metaclass=_FutureType):
    """A future the program made (`loop.create_future()` or `asyncio.Future()`)."""

    def __init__(self, *, loop=None):
        super().__init__(loop=loop)
        _register(self, "future")

    def set_result(self, result):
        super().set_result(result)
        _op(self, "resolved")

    def set_exception(self, exception):
        super().set_exception(exception)
        _op(self, "failed", text=one_line(self._exception))

    def cancel(self, *args, **kwargs):
        cancelled = super().cancel(*args, **kwargs)
        if cancelled:
            _op(self, "cancelled")
        return cancelled


_EXPORTED = (Lock, Event, Condition, Semaphore, BoundedSemaphore,
             Queue, PriorityQueue, LifoQueue, Future)


def install():
    from .tasks import InterleaveTask
    asyncio.Task = InterleaveTask
    for cls in _EXPORTED:
        # Reprs name the module of the asyncio class it stands for (asyncio.locks.Lock).
        cls.__module__ = next(base.__module__ for base in cls.__mro__[1:]
                              if base.__module__ != __name__)
        setattr(asyncio, cls.__name__, cls)
