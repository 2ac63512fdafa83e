import Foundation
import Testing
@testable import Interleave

/// A loop's actor executor exists from the start: two threads asking for it at once get the
/// same one (a lazy property made on first use could be made twice, once per thread).
@Suite struct ActorExecutorTests {
    @Test func twoThreadsSeeOneActorExecutor() {
        for _ in 0..<50 {
            let loop = Loop()
            let seen = Box<[ObjectIdentifier]>([])
            let lock = NSLock()
            let group = DispatchGroup()
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    let id = ObjectIdentifier(loop.actorExecutor)
                    lock.withLock { seen.value.append(id) }
                }
            }
            group.wait()
            #expect(Set(seen.value).count == 1)
        }
    }
}
