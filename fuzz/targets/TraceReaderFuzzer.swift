/// libFuzzer entry for the trace reader: every input goes through `TraceReaderEntry.exercise`,
/// the same call the corpus regression tests make (Tests/InterleaveUITests/Fuzzing), and a
/// broken contract (an error that is not one line, or not a `TraceFileError`) counts as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func traceReaderFuzzerInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for reading in TraceReaderEntry.exercise(bytes) {
        if let problem = reading.problem { fatalError(problem) }
    }
    return 0
}
