/// A trace as Chrome Trace Event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing
/// open, reading like the TUI.
///
/// - Process 1, "interleave DEMO": one track per task, in creation order, with a slice for
///   every state it was in (created, ready, running, sleeping, "waiting to acquire lock A",
///   "awaiting task2", blocking the loop, done, failed, cancelled); the last one lasts to the
///   end of the run. Instants with their sentence in `name` and their facts in `args` mark
///   failures, cancellations, faults, prints, resource operations, checks, lints and deadlock
///   edges; an arrow (a flow) runs from each waker to the task it woke.
/// - Process 2, "resources": one track per resource, with a slice per lock holding ("held by
///   task1"), an async slice per task waiting on it, and counters for a semaphore's permits in
///   use and a queue's items.
/// - Captions, each deadlock and the run's end are global instants; demo, title, seed,
///   schedule and choices are in `otherData` and in process 1's labels.
///
/// Times are virtual microseconds. A slice is at least 1 µs long (`ChromeTrack.minimumWidth`)
/// so that jobs, which take no virtual time, stay visible; see `ChromeTrack` for how the next
/// slice makes room.
/// ```swift
/// var json = ""
/// ChromeTraceExporter(store: store).write { json += $0 }
/// ```
public struct ChromeTraceExporter {
    public let store: TraceStore
    public init(store: TraceStore) { self.store = store }

    public func write(_ emit: (String) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            emit("{\"displayTimeUnit\":\"ms\",\"otherData\":\(otherData.text),\"traceEvents\":[")
            var fold = ChromeTraceFold(store: store, writer: ChromeEventWriter(emit: emit))
            fold.writeMetadata(labels: labels)
            store.events.withRuns(in: 0..<store.events.count) { run, _ in
                for e in run { fold.apply(e) }
            }
            fold.finish()
            emit("\n]}\n")
        }
    }

    /// The run's facts, for Perfetto's trace info page.
    private var otherData: JSONFields {
        let header = store.header
        var data = JSONFields()
        data.addRunFacts(header)
        data.add("clock", "virtual time; slices at least 1 us long")
        return data
    }

    /// "demo gather, seed 9, schedule fifo": shown beside the process's name.
    private var labels: String {
        let header = store.header
        var parts = ["demo \(header.demoName)", "seed \(header.seed)", "schedule \(header.schedule)"]
        if !header.choices.isEmpty { parts.append("choices " + header.choices.map(String.init).joined(separator: " ")) }
        return parts.joined(separator: ", ")
    }
}
