#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Which thread drives a loop (steps it, runs it, closes it) right now, if any.
///
/// A loop's state is confined to the thread that steps it; any one thread may do so, but never
/// two at once, and never a job of the loop itself (a job that steps its own loop would run
/// another job in the middle of its own). The driver calls claim this on entry and release it
/// on exit, so breaking either rule traps with a message instead of corrupting the loop. The
/// claim is a compare-and-swap on entry and a store on exit; loops that step many times
/// (`runUntilIdle`, a `LiveRunner`) claim once for all their steps.
struct LoopDriverClaim: ~Copyable, Sendable {
    /// The driving thread's token, or 0 when no thread drives the loop.
    private let holder = Atomic<UInt>(0)

    /// Claims the loop for the calling thread, or traps naming the rule `api` broke.
    @inline(__always)
    func claim(_ api: StaticString) {
        let me = ThreadToken.current
        let (claimed, other) = holder.compareExchange(expected: 0, desired: me, ordering: .acquiring)
        if !claimed { violation(api, heldBy: other, me: me) }
    }

    /// Lets another thread drive the loop; what this one did happens before its next claim.
    @inline(__always)
    func release() {
        holder.store(0, ordering: .releasing)
    }

    private func violation(_ api: StaticString, heldBy other: UInt, me: UInt) -> Never {
        if other == me {
            preconditionFailure("\(api) called from inside a job of the same loop: a job cannot step, run or "
                + "close the loop that runs it (spawn the work or await it instead)")
        }
        preconditionFailure("\(api) called while another thread drives the loop: a loop is driven by one "
            + "thread at a time (its LiveRunner, or the thread that called run or step)")
    }
}

/// A number that tells the running threads apart (never 0).
enum ThreadToken {
    @inline(__always)
    static var current: UInt {
        #if canImport(Glibc)
        UInt(pthread_self())
        #else
        UInt(bitPattern: pthread_self())
        #endif
    }
}
