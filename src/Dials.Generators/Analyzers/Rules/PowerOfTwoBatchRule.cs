using System;
using System.Collections.Immutable;
using System.Globalization;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS106: a batch size searched with [IntRange] tries 16, 17, 18, ... which differ by nothing that matters while
    /// the range's far end goes under-sampled; [PowerOfTwo] searches the scale. The suggested bounds (and, when the old
    /// default would fall outside the new space, a new default) travel to the code fix in the diagnostic's properties.
    /// </summary>
    internal sealed class PowerOfTwoBatchRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.OwnWithRole(HyperparameterRole.BatchSize))
            {
                if (property.Range is not { Shape: RangeShape.Int } range)
                {
                    continue;
                }

                var low = Numbers.NearestPowerOfTwo(range.Low);
                var high = Math.Max(Numbers.NearestPowerOfTwo(range.High), low * 2);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[DiagnosticIds.Properties.PowerOfTwoLow] = Invariant(low);
                properties[DiagnosticIds.Properties.PowerOfTwoHigh] = Invariant(high);
                if (property.Default is { } value && !(Numbers.IsPowerOfTwo(value) && value >= low && value <= high))
                {
                    var nearest = Math.Min(Math.Max(Numbers.NearestPowerOfTwo(value), low), high);
                    properties[DiagnosticIds.Properties.PowerOfTwoDefault] = Invariant(nearest);
                }

                report(Diagnostic.Create(DiagnosticDescriptors.BatchSizeNotPowerOfTwo, range.Location, properties.ToImmutable(),
                    property.Path, Numbers.Text(range.Low), Numbers.Text(range.High), Invariant(low), Invariant(high)));
            }
        }

        private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
