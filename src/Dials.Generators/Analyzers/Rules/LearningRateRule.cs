using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>DIALS100 (a default that cannot train) and DIALS101 (a range reaching into divergence).</summary>
    internal sealed class LearningRateRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.OwnWithRole(HyperparameterRole.LearningRate))
            {
                if (property.Default is { } value)
                {
                    var reason = value >= Thresholds.LearningRateTooLarge
                        ? "at or above 1, where training diverges; usual defaults are 1e-4 to 0.1"
                        : value <= Thresholds.LearningRateTooSmall
                            ? "at or below 1e-6, where the weights barely move in any realistic budget; usual defaults are 1e-4 to 0.1"
                            : null;
                    if (reason is not null)
                    {
                        report(Diagnostic.Create(DiagnosticDescriptors.LearningRateDefault, property.DefaultLocation,
                            property.Path, Numbers.Text(value), reason));
                    }
                }

                if (property.Range is { } range && range.High > Thresholds.LearningRateTooLarge)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.LearningRateRangeAboveOne, range.Location,
                        property.Path, Numbers.Text(range.High)));
                }
            }
        }
    }
}
