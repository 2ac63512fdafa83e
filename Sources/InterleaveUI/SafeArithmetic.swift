/// Arithmetic on times and counts read from trace files, which may be anywhere in `Int64`'s
/// range: what the views compute from them must neither trap nor wrap.
extension Int64 {
    /// `self × numerator / denominator` without an intermediate overflow, rounded towards zero
    /// (or up, with `roundingUp`); the result must fit, as it does when `numerator ≤ denominator`.
    /// ```swift
    /// Int64.max.scaled(by: 3, over: 4)   // 6917529027641081855, where Int64.max * 3 would trap
    /// ```
    func scaled(by numerator: Int64, over denominator: Int64, roundingUp: Bool = false) -> Int64 {
        let (quotient, remainder) = denominator.dividingFullWidth(numerator.multipliedFullWidth(by: self))
        return roundingUp && remainder > 0 ? quotient + 1 : quotient
    }

    /// `self / divisor` rounded up, for a positive divisor.
    func dividedRoundingUp(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return self > 0 && self % divisor != 0 ? quotient + 1 : quotient
    }

    /// `self − other`, or `Int64.max` / `Int64.min` where that would overflow.
    func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self × factor`, or `Int64.max` / `Int64.min` where that would overflow.
    func saturatingMultiplied(by factor: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        guard overflow else { return product }
        return (self < 0) == (factor < 0) ? .max : .min
    }
}
