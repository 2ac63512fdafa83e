/// A trace as Chrome Trace Event JSON, which Perfetto and chrome://tracing open.
///
/// One track per task (named, nested by spawn order) with a slice per state it was in; instant
/// events for resource operations and prints; flow arrows from a waker to the task it woke;
/// counters for queue depth and semaphore permits in use. Times are virtual microseconds.
/// ```swift
/// var json = ""
/// ChromeTraceExporter(store: store).write { json += $0 }
/// ```
public struct ChromeTraceExporter {
    public let store: TraceStore
    public init(store: TraceStore) { self.store = store }

    public func write(_ emit: (String) -> Void) {
        var first = true
        func event(_ fields: String) {
            emit(first ? "\n" + fields : ",\n" + fields)
            first = false
        }
        emit("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"demo\":\(JSONText.quoted(store.header.demoName))},\"traceEvents\":[")
        event("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"ts\":0,\"name\":\"process_name\",\"args\":{\"name\":\(JSONText.quoted("interleave " + store.header.demoName))}}")
        for index in 0..<store.tasks.count {
            let name = store.tasks[index].name
            event("{\"ph\":\"M\",\"pid\":1,\"tid\":\(index + 1),\"ts\":0,\"name\":\"thread_name\",\"args\":{\"name\":\(JSONText.quoted(name))}}")
            event("{\"ph\":\"M\",\"pid\":1,\"tid\":\(index + 1),\"ts\":0,\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":\(index)}}")
        }
        var world = WorldState()
        var open: [Int: (state: TaskState, since: Int64)] = [:]
        var flowID = 0
        store.events.withRuns(in: 0..<store.events.count) { run, _ in
            for e in run {
                let before = e.task.isNone || e.task.index >= world.tasks.count ? nil : world.tasks[e.task.index].state
                world.reduce(e)
                let ts = micros(e.time)
                if !e.task.isNone, e.task.index < world.tasks.count {
                    let after = world.tasks[e.task.index].state
                    if before != after || e.kind == .taskResumed {
                        if let slice = open[e.task.index] {
                            event(self.slice(e.task.index, slice.state, from: slice.since, to: e.time))
                        }
                        open[e.task.index] = after.isFinished ? nil : (after, e.time)
                    }
                }
                switch e.kind {
                case .taskWoken where !e.argTask.isNone && e.argTask.index < store.tasks.count:
                    flowID += 1
                    event("{\"ph\":\"s\",\"pid\":1,\"tid\":\(e.argTask.index + 1),\"ts\":\(ts),\"id\":\(flowID),\"name\":\"wake\",\"cat\":\"wake\"}")
                    event("{\"ph\":\"f\",\"bp\":\"e\",\"pid\":1,\"tid\":\(e.task.index + 1),\"ts\":\(ts),\"id\":\(flowID),\"name\":\"wake\",\"cat\":\"wake\"}")
                case .queuePut, .queueGot:
                    event(counter("queue \(store.resourceName(e.resource))", "items", e.arg, ts))
                    event(instant(e, ts))
                case .semaphoreAcquired, .semaphoreReleased:
                    event(counter("semaphore \(store.resourceName(e.resource))", "in use", e.arg, ts))
                    event(instant(e, ts))
                case .lockAcquired, .lockReleased, .eventSet, .eventCleared, .conditionNotified, .queueTaskDone,
                     .futureResolved, .futureFailed, .futureCancelled, .output, .faultInjected, .lint, .checkFailed, .deadlock,
                     .ioStarted, .ioFinished, .caption:
                    event(instant(e, ts))
                default:
                    break
                }
            }
        }
        for (task, slice) in open.sorted(by: { $0.key < $1.key }) {
            event(self.slice(task, slice.state, from: slice.since, to: world.time))
        }
        emit("\n]}\n")
    }

    private func slice(_ task: Int, _ state: TaskState, from start: Int64, to end: Int64) -> String {
        // Times from a file may be anything: a span wider than Int64 shows as the widest there is.
        let (span, overflow) = end.subtractingReportingOverflow(start)
        let duration = overflow ? (end > start ? Int64.max : 0) : max(span, 0)
        return "{\"ph\":\"X\",\"pid\":1,\"tid\":\(task + 1),\"ts\":\(micros(start)),\"dur\":\(micros(duration)),"
            + "\"name\":\"\(state.label)\",\"cat\":\"state\"}"
    }

    private func instant(_ e: TraceEvent, _ ts: String) -> String {
        let tid = e.task.isNone ? 0 : e.task.index + 1
        let text = EventText.describe(e, in: store) ?? "\(e.kind)"
        return "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":\(tid),\"ts\":\(ts),\"name\":\(JSONText.quoted(text)),\"cat\":\"\(e.kind)\"}"
    }

    private func counter(_ name: String, _ series: String, _ value: Int64, _ ts: String) -> String {
        "{\"ph\":\"C\",\"pid\":1,\"tid\":0,\"ts\":\(ts),\"name\":\(JSONText.quoted(name)),\"args\":{\(JSONText.quoted(series)):\(value)}}"
    }

    private func micros(_ nanoseconds: Int64) -> String {
        let whole = nanoseconds / 1000, frac = abs(nanoseconds % 1000)
        guard frac != 0 else { return "\(whole)" }
        // -0.5 µs: the whole part alone (0) would lose the sign.
        let sign = nanoseconds < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(whole).\(String(repeating: "0", count: 3 - String(frac).count))\(frac)"
    }
}
