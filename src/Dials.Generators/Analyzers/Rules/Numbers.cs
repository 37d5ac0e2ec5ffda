using System;
using System.Globalization;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>Numbers as they appear in messages: invariant, shortest round-trip form.</summary>
    internal static class Numbers
    {
        /// <summary>Shortest round-trip form, exponents written as people write them in code (<c>1e-6</c>, not <c>1E-06</c>).</summary>
        public static string Text(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var e = text.IndexOf('E');
            return e < 0
                ? text
                : text.Substring(0, e) + "e" + int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    .ToString(CultureInfo.InvariantCulture);
        }

        public static string Text(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        /// <summary>
        /// A numeric constant as the number its author wrote: a <see cref="float"/> 1e-7f becomes 1e-7, not the
        /// 1.0000000116860974e-7 a plain widening gives, so messages and comparisons see the written value.
        /// </summary>
        public static double AsWritten(object constant) => constant is float single
            ? double.Parse(single.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Convert.ToDouble(constant, CultureInfo.InvariantCulture);

        public static bool IsPowerOfTwo(double value) =>
            value >= 1 && value == Math.Floor(value) && value <= long.MaxValue && Parsing.SpaceRules.IsPowerOfTwo((long)value);

        /// <summary>The power of two nearest <paramref name="value"/> on a log scale (1 for anything below 1).</summary>
        public static long NearestPowerOfTwo(double value) =>
            value <= 1 ? 1 : 1L << (int)Math.Round(Math.Log(value, 2));
    }
}
