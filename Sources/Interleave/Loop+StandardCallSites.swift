import InterleaveTrace

/// Where standard tasks stand in the program's source (see `StandardCallSite`), for the events
/// that say what they do next: a sleep, a yield, a wait, a print (loop thread only).
extension Loop {
    /// Takes the running standard task's line now, in its own call stack: where it stands until
    /// its next step (when no site is seen in a step, its events carry no line). What it did to
    /// the streams so far in its step is recorded first, so that its events keep their order.
    func noteStandardCallSite() {
        guard routesStandardJobs, let task = runningTask, task.address != 0 else { return }
        // The loop's own work here (a first backtrace symbolizes for a tenth of a second) is no
        // hold-up of the program's: a sleep after it times its wall-clock window from here.
        defer { if task.standardRunStartedAt > 0 { task.standardRunStartedAt = StandardJobState.monotonicNow() } }
        if !standardJobs.streams.byAddress.isEmpty { refreshStandardStreams(after: task) }
        #if canImport(Runtime) && !canImport(Darwin)
        guard locatesStandardTasks, let backtrace = StandardCallSite.capture(),
              let location = StandardCallSite.location(of: backtrace) else { return }
        task.standardState.location = locationID(of: location)
        #endif
    }

    /// Where the standard task stood the last time this step saw it in the program's code.
    @inline(__always)
    func standardLocation(of task: TaskRecord) -> LocationID { task.standard?.location ?? .unknown }

    /// Where the suspended standard task waits: the line of its await, read from its async
    /// frames (see `StandardCallSite.location(ofSuspendedTaskAt:)`), else where it last stood.
    func standardWaitLocation(of task: TaskRecord) -> LocationID {
        #if canImport(Runtime) && !canImport(Darwin)
        if locatesStandardTasks, task.address != 0,
           let location = StandardCallSite.location(ofSuspendedTaskAt: task.address) {
            let id = locationID(of: location)
            task.standardState.location = id
            return id
        }
        #endif
        return standardLocation(of: task)
    }

    #if canImport(Runtime) && !canImport(Darwin)
    private func locationID(of location: StandardCallSite.Location) -> LocationID {
        if let known = standardJobs.locationIDs[location.path] {
            return recorder.location(fileID: known, line: location.line)
        }
        let fileID = fileID(ofPath: location.path)
        standardJobs.locationIDs[location.path] = fileID
        return recorder.location(fileID: fileID, line: location.line)
    }
    #endif

    /// The `#fileID` of the source file at `path`: the one the run shows with that file name, or
    /// else "Module/File.swift" from the path (SwiftPM keeps a module's files in its folder).
    private func fileID(ofPath path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard let file = parts.last else { return path }
        let shown = store.sources.filter { $0.fileID == file || $0.fileID.hasSuffix("/" + file) }
        if shown.count == 1 { return shown[0].fileID }
        return parts.count >= 2 ? "\(parts[parts.count - 2])/\(file)" : file
    }
}
