import Interleave

extension Catalogue {
    static let asCompleted = Demo(
        name: "as-completed",
        title: "Results as they complete",
        summary: "Four tasks of 0–3 s: each result is handled as it arrives; the one failure on its own",
        concept: "as_completed hands back each task when it finishes, fastest first, "
            + "so each result or error is handled on its own without stopping the others."
    ) { _ in
        let tasks = (0..<4).map { i in spawn("might_fail(\(i))") { try await mightFail(i) } }
        caption("Four tasks start together; as_completed yields each one as it finishes")
        var results: [String] = []
        for try await task in Interleave.asCompleted(tasks) {
            do {
                let result = try await task.value
                results.append(result)
            } catch {
                print("An error occurred: \(error)")
                caption("might_fail(3) raised: handled here, and the three results so far are kept")
            }
        }
        print(results)
        caption("Results arrived in finishing order: 0 s, 1 s, 2 s; the whole run took 3 s, not 6")
    }
}

private func mightFail(_ delay: Int) async throws -> String {
    try await sleep(for: .seconds(delay))  // as in asyncio, sleeping 0 s still yields to the others
    if delay > 2 {
        throw Exception("Something went wrong!")
    }
    return "Success after \(delay) seconds!"
}
