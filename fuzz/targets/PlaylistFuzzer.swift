/// libFuzzer entry for the playlist parser: every input goes through `PlaylistEntry.exercise`, the
/// same call the corpus regression tests make (Tests/InterleaveTraceTests/Fuzzing); an error that
/// is not one line, or a playlist past a documented limit, counts as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func playlistFuzzerInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let problem = PlaylistEntry.exercise(bytes).problem { fatalError(problem) }
    return 0
}
