using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>
    /// The values a tuned property is searched over, read from its dimension attribute. Only well-formed numeric ranges
    /// are kept: a malformed declaration is the declaration analyzer's to report (DIALS001-DIALS021), not ours to pile onto.
    /// </summary>
    internal sealed class SearchRange
    {
        public SearchRange(RangeShape shape, double low, double high, bool log, double step, IReadOnlyList<double> choices,
            Location location)
        {
            Shape = shape;
            Low = low;
            High = high;
            Log = log;
            Step = step;
            Choices = choices;
            Location = location;
        }

        public RangeShape Shape { get; }

        /// <summary>Smallest value (smallest choice for a <see cref="RangeShape.Choice"/>).</summary>
        public double Low { get; }

        /// <summary>Largest value (largest choice for a <see cref="RangeShape.Choice"/>).</summary>
        public double High { get; }

        public bool Log { get; }

        /// <summary>The step as written; 0 when none was written (an int range then steps by 1).</summary>
        public double Step { get; }

        /// <summary>The numeric choices of a <see cref="RangeShape.Choice"/>; empty for ranges.</summary>
        public IReadOnlyList<double> Choices { get; }

        /// <summary>The attribute, where range diagnostics are reported.</summary>
        public Location Location { get; }

        /// <summary>Whether the range is written with two bounds (not a list of choices).</summary>
        public bool IsInterval => Shape != RangeShape.Choice;

        /// <summary>The values worth checking against a domain: the two bounds of an interval, every choice of a list.</summary>
        public IReadOnlyList<double> Extremes => IsInterval ? new[] { Low, High } : Choices;

        /// <summary>Every value the dimension can take, or null when there are too many (or infinitely many).</summary>
        public IReadOnlyList<double>? Enumerate(int max)
        {
            switch (Shape)
            {
                case RangeShape.Choice:
                    return Choices;
                case RangeShape.PowerOfTwo:
                    var powers = new List<double>();
                    for (var value = Low; value <= High && powers.Count <= max; value *= 2)
                    {
                        powers.Add(value);
                    }

                    return powers;
                case RangeShape.Int:
                    var step = Step > 0 ? Step : 1;
                    if ((High - Low) / step + 1 > max)
                    {
                        return null;
                    }

                    var values = new List<double>();
                    for (var value = Low; value <= High; value += step)
                    {
                        values.Add(value);
                    }

                    return values;
                default:
                    return null;
            }
        }

        /// <summary>Whether <paramref name="value"/> equals one of the bounds (to float precision).</summary>
        public bool IsBound(double value) => IsInterval && (Near(value, Low) || Near(value, High));

        private static bool Near(double value, double target) =>
            Math.Abs(value - target) <= 1.2e-7 * Math.Max(Math.Abs(value), Math.Abs(target));
    }
}
