/// How a task's state reads as a slice of a Chrome trace: the name Perfetto prints on it, as
/// the TUI's task detail words it ("waiting to acquire lock A", "awaiting task2"), and args
/// with one field per fact.
///
/// ```swift
/// ChromeStateSlice.name(of: snapshot, in: store)   // "waiting to acquire lock A"
/// ```
enum ChromeStateSlice {
    static func name(of task: TaskSnapshot, in store: TraceStore) -> String {
        switch task.state {
        case .waiting:
            if task.reason == .join, !task.awaited.isNone { return "awaiting \(store.taskName(task.awaited))" }
            guard let resource = known(task.resource, in: store) else { return "waiting" }
            let what = resource.kindAndName
            switch task.reason {
            case .acquire: return "waiting to acquire \(what)"
            case .put: return "waiting to put into \(what)"
            case .get: return "waiting to get from \(what)"
            case .result, .gather, .join, .suspended: return "awaiting \(what)"
            case .io: return "waiting for I/O on \(what)"
            case .notify: return "waiting for a notify on \(what)"
            case .wait: return "waiting on \(what)"
            }
        default:
            return task.state.label
        }
    }

    static func args(of task: TaskSnapshot, in store: TraceStore) -> JSONFields {
        var args = JSONFields()
        args.add("state", task.state.label)
        switch task.state {
        case .sleeping:
            args.add("until", formatSeconds(task.deadline))
        case .waiting:
            args.add("reason", "\(task.reason)")
            if let resource = known(task.resource, in: store) {
                args.add("resource", resource.name)
                args.add("resource_kind", resource.kind.label)
            }
            if !task.awaited.isNone { args.add("awaits", store.taskName(task.awaited)) }
        case .failed:
            args.add("error", store.string(task.error))
        default:
            break
        }
        return args
    }

    /// The resource's entry, or nil for `ResourceID.none` and ids a loaded file got wrong.
    static func known(_ id: ResourceID, in store: TraceStore) -> ResourceInfo? {
        id.isNone || id.index >= store.resources.count ? nil : store.resource(id)
    }
}
