@testable import Interleave
import InterleaveTrace
import Testing

/// A task's rarely used fields live apart, made on first need: reading them, or setting them to
/// their defaults, must not make the side state, and what is set must read back.
@Suite struct UncommonTaskStateTests {
    private struct Injected: Error {}

    private final class Recorder: TaskWatcher {
        let name: String
        var onFinish: ((String) -> Void)?
        init(_ name: String) { self.name = name }
        func taskFinished(_ task: TaskRecord) { onFinish?(name) }
    }

    @Test func readingOrResettingTheFieldsOfATaskWithoutThemMakesNothing() {
        let task = TaskRecord(id: TaskID(1), name: "t")
        #expect(task.pendingFault == nil && task.pendingStall == nil && !task.pendingIOFailure)
        #expect(task.cancelRequests == 0 && task.cancelsDelivered == 0 && !task.hasUndeliveredCancel)
        task.pendingFault = nil
        task.pendingStall = nil
        task.pendingIOFailure = false
        task.cancelRequests = 0
        task.cancelsDelivered = 0
        #expect(task.uncommon == nil, "setting a default must not make the side state")
    }

    @Test func whatIsSetReadsBackAndCancellationsCountAsAsyncioDeliversThem() {
        let task = TaskRecord(id: TaskID(1), name: "t")
        task.pendingStall = .seconds(2)
        #expect(task.uncommon != nil && task.pendingStall == .seconds(2))
        task.pendingStall = nil
        #expect(task.pendingStall == nil)
        task.pendingFault = Injected()
        #expect(task.pendingFault is Injected)
        task.pendingIOFailure = true
        #expect(task.pendingIOFailure)
        task.cancelRequests += 1
        #expect(task.hasUndeliveredCancel)
        task.cancelsDelivered = task.cancelRequests
        #expect(!task.hasUndeliveredCancel, "a cancellation is delivered once")
        task.cancelRequests += 1
        #expect(task.hasUndeliveredCancel, "a second one is delivered again")
    }

    @Test func everyWatcherHearsOfTheEndOnceInTheOrderTheyCame() {
        let task = TaskRecord(id: TaskID(1), name: "t")
        var heard: [String] = []
        let watchers = ["first", "second", "third"].map { Recorder($0) }
        for watcher in watchers {
            watcher.onFinish = { heard.append($0) }
            task.addWatcher(watcher)
        }
        #expect(task.uncommon?.otherWatchers.count == 2, "only the watchers after the first live apart")
        task.notifyWatchers()
        task.notifyWatchers()
        #expect(heard == ["first", "second", "third"])
    }

    @Test func aTaskWithOneWatcherHasNoSideState() {
        let task = TaskRecord(id: TaskID(1), name: "t")
        let watcher = Recorder("only")
        var heard = 0
        watcher.onFinish = { _ in heard += 1 }
        task.addWatcher(watcher)
        task.notifyWatchers()
        #expect(heard == 1 && task.uncommon == nil)
    }
}
