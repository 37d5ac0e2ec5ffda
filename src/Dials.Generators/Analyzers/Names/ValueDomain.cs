using System.Globalization;

namespace Dials.Generators.Analyzers.Names
{
    /// <summary>An interval of meaningful values, each end open or closed (an infinite end is always open).</summary>
    internal sealed class ValueDomain
    {
        public ValueDomain(double low, bool lowClosed, double high, bool highClosed)
        {
            Low = low;
            LowClosed = lowClosed;
            High = high;
            HighClosed = highClosed;
        }

        public double Low { get; }

        public bool LowClosed { get; }

        public double High { get; }

        public bool HighClosed { get; }

        public bool Contains(double value) =>
            (LowClosed ? value >= Low : value > Low) && (HighClosed ? value <= High : value < High);

        /// <summary>Whether <paramref name="value"/> is a closed end of the domain, past which no range can reach.</summary>
        public bool IsClosedEnd(double value) => (LowClosed && value == Low) || (HighClosed && value == High);

        /// <summary>Interval notation: <c>[0, 1)</c>, <c>[0, ∞)</c>.</summary>
        public override string ToString() =>
            (LowClosed ? "[" : "(") + Number(Low) + ", " + Number(High) + (HighClosed ? "]" : ")");

        private static string Number(double value) => double.IsPositiveInfinity(value)
            ? "∞"
            : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
