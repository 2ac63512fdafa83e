// Bridging a callback API into async/await with a checked continuation. The old API calls
// its completion handler later, from somewhere else; `withCheckedThrowingContinuation`
// suspends the caller until that handler resumes the continuation, exactly once, with a
// value or an error. (Resuming twice traps; never resuming leaks the waiting task, and the
// checked continuation warns about it.)

/// This file, for the code pane of `visualize`.
public let continuationSource = (filePath: #filePath, fileID: #fileID)

public struct UserNotFound: Error, CustomStringConvertible {
    public let id: Int
    public var description: String { "no user \(id)" }
}

/// A callback-style client, as found in older code. It completes from a `Task` after a
/// delay (not from a Dispatch queue), standing in for a network round trip.
final class LegacyUserClient: Sendable {
    let known = [1: "ada", 2: "grace"]

    func fetchUser(id: Int, completion: @escaping @Sendable (Result<String, any Error>) -> Void) {
        Task(name: "legacy-request-\(id)") {
            // Old code, old API: the delay in nanoseconds (150 ms per id).
            try? await Task.sleep(nanoseconds: 150_000_000 * UInt64(id))
            if let name = known[id] {
                completion(.success(name))
            } else {
                completion(.failure(UserNotFound(id: id)))
            }
        }
    }
}

extension LegacyUserClient {
    /// The async face of `fetchUser(id:completion:)`: callers just `try await` it.
    func user(id: Int) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            // `resume(with:)` turns the Result into a return value or a thrown error.
            fetchUser(id: id) { result in continuation.resume(with: result) }
        }
    }
}

/// Looks up three users one after another through the bridged API; the third does not exist.
@discardableResult
public func wrappedCallback() async throws -> [String] {
    let client = LegacyUserClient()
    var names: [String] = []
    for id in 1...3 {
        do {
            let name = try await client.user(id: id)
            print("user \(id) is \(name)")
            names.append(name)
        } catch let error as UserNotFound {
            // The error passed to the completion handler comes out as an ordinary throw.
            print("lookup failed: \(error)")
        }
    }
    return names
}
