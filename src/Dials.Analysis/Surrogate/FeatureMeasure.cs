namespace Dials.Analysis.Surrogate;

/// <summary>
/// The probability measure fANOVA integrates one feature over: uniform on the active range [0, 1], plus a point mass
/// at <see cref="FeatureEncoding.InactiveCode"/> for the inactive state.
/// </summary>
/// <remarks>
/// The inactive state's mass is the share of trials in which the dimension was inactive. It cannot be chosen freely
/// like a value of the range (the parent decides it), so giving it, say, the width of a bin would be arbitrary; the
/// share the study actually spent there is the empirical probability of the state, so a child that is rarely active
/// cannot claim much variance through its inactive state, and one that is active half the time is weighed half and
/// half. An unconditional dimension has mass 0 there and the measure is plain uniform on [0, 1].
/// </remarks>
/// <param name="InactiveShare">The mass of the inactive state, in [0, 1].</param>
internal readonly record struct FeatureMeasure(double InactiveShare)
{
    /// <summary>The mass of the interval (<paramref name="low"/>, <paramref name="high"/>]: tree cells are closed on
    /// the right because a value equal to a threshold goes left.</summary>
    public double Of(double low, double high)
    {
        var inactive = low < FeatureEncoding.InactiveCode && FeatureEncoding.InactiveCode <= high ? InactiveShare : 0;
        var active = Math.Max(0, Math.Min(high, 1) - Math.Max(low, 0));
        return inactive + (1 - InactiveShare) * active;
    }
}
