/// The lesson `interleave present` gives when no playlist is named: the asyncio tutorials'
/// order (coroutines, gather, create_task, errors, as_completed, Lock, Event, Queue, Semaphore,
/// Future, fetching pages), then the classic hazards.
///
/// Kept as playlist text, parsed like any file, so that `interleave present --print-default`
/// gives teachers a starting point that is valid by construction.
public enum DefaultPlaylist {
    public static let text = """
        # Interleave's built-in lesson: asyncio's tutorials, then the classic hazards.
        # Format: docs/playlist-format.md. Save this with `interleave present --print-default > my.playlist`.

        demo hello         speed=1 title=Coroutines: await sleep leaves the loop free
        demo gather        speed=1 title=gather: run tasks together
        demo create-task   speed=1 title=create_task: tasks start at the next step
        demo errors        speed=1 title=Errors inside and around coroutines
        demo as-completed  speed=1 title=as_completed: results in finishing order
        demo lock          speed=2 title=Lock: one at a time
        demo event         speed=1 title=Event: wait for a signal
        demo queue         speed=2 title=Queue: producers, consumers and backpressure
        demo semaphore     speed=2 title=Semaphore: at most three at a time
        demo future        speed=1 title=Future: a result set by another task
        demo fetch         speed=1 title=Fetching pages concurrently
        demo race          speed=1 title=Race: an await between read and write
        demo actor         speed=1 title=Actors: one at a time, but reentrant at every await
        demo deadlock      speed=1 title=Deadlock: two locks in opposite order
        demo philosophers  speed=1 title=Dining philosophers: a deadlock of five
        demo blocking      speed=1 title=Blocking the loop
        demo timeout       speed=1 title=Timeouts cancel, and cancellation cleans up
        demo task-group    speed=1 title=Task groups: one fails, the siblings are cancelled

        """
}
