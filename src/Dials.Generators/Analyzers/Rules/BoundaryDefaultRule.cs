using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS112: the default (usually the best value known) is an end of its own range, so the search cannot look past
    /// it. Not reported for 0, the usual "off" value of a penalty or dropout, nor at an end of the hyperparameter's
    /// domain (top-p of 1), past which no range can reach.
    /// </summary>
    internal sealed class BoundaryDefaultRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.Own)
            {
                if (property.Default is not { } value || property.Range is not { IsInterval: true } range
                    || value == 0 || !range.IsBound(value) || AtDomainEnd(property, value))
                {
                    continue;
                }

                var end = Math.Abs(value - range.Low) <= Math.Abs(value - range.High) ? "low" : "high";
                report(Diagnostic.Create(AnalyzerDiagnostics.DefaultOnBoundary, property.DefaultLocation, property.Path,
                    Numbers.Text(value), end, Numbers.Text(range.Low), Numbers.Text(range.High)));
            }
        }

        private static bool AtDomainEnd(TunedProperty property, double value)
        {
            foreach (var role in property.Roles)
            {
                if (RoleDomains.TryGet(role, out var domain, out _) && domain.IsClosedEnd(value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
