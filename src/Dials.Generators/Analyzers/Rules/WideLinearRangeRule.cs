using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS102: a positive range of two or more orders of magnitude, sampled uniformly, spends almost all its samples in
    /// the top decade. Ranges with an explicit grid are left alone (a grid is a deliberate choice), and batch sizes are
    /// DIALS106's.
    /// </summary>
    internal sealed class WideLinearRangeRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.Own)
            {
                if (property.Range is not { } range || range.Log || property.Is(HyperparameterRole.BatchSize) || !CanBeLog(range))
                {
                    continue;
                }

                var ratio = range.High / range.Low;
                if (ratio < Thresholds.WideRangeRatio)
                {
                    continue;
                }

                // Uniform on [low, high]: the share of samples above high / 10.
                var topDecade = 100 * (range.High - Math.Max(range.Low, range.High / 10)) / (range.High - range.Low);
                report(Diagnostic.Create(DiagnosticDescriptors.WideLinearRange, range.Location, property.Path,
                    Numbers.Text(range.Low), Numbers.Text(range.High), Numbers.Text(Math.Log10(ratio), "0.#"),
                    Numbers.Text(Math.Floor(topDecade), "0")));
            }
        }

        /// <summary>Whether Log = true can simply be added: a positive low bound and no grid other than an int's unit step.</summary>
        private static bool CanBeLog(SearchRange range) => range.Shape switch
        {
            RangeShape.Float => range.Low > 0 && range.Step == 0,
            RangeShape.Int => range.Low >= 1 && (range.Step == 0 || range.Step == 1),
            _ => false,
        };
    }
}
