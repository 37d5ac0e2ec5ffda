using System;
using System.Collections.Generic;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS112: the default (usually the best value known) is an end of its own range, so the search cannot look past
    /// it. Not reported for 0, the usual "off" value of a penalty or dropout, nor at an end of the hyperparameter's
    /// domain (top-p of 1), past which no range can reach. Gives way to any rule that judges the default itself
    /// (<see cref="GivesWay"/>).
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
                report(Diagnostic.Create(DiagnosticDescriptors.DefaultOnBoundary, property.DefaultLocation, property.Path,
                    Numbers.Text(value), end, Numbers.Text(range.Low), Numbers.Text(range.High)));
            }
        }

        /// <summary>
        /// Whether <paramref name="diagnostic"/> is a DIALS112 that another of <paramref name="reported"/> contradicts.
        /// DIALS112's advice (extend the range past the default) rests on the default being the best value known. When
        /// another rule reports the default itself as wrong, that premise fails and the two would point opposite ways: a
        /// learning rate of 10 at the top of [1e-4, 10] would be told to extend past 10 (DIALS112) and to end the range at
        /// 1 (DIALS101) with a default below 1 (DIALS100); a dropout of 0.8 at the top of [0, 0.8] to extend past 0.8
        /// (DIALS112) and to come down (DIALS104). The default is then what to change, so DIALS112 is not reported.
        /// </summary>
        public static bool GivesWay(Diagnostic diagnostic, IReadOnlyList<Diagnostic> reported)
        {
            if (diagnostic.Id != DiagnosticIds.DefaultOnBoundary)
            {
                return false;
            }

            foreach (var other in reported)
            {
                if (other.Id != DiagnosticIds.DefaultOnBoundary && other.Location == diagnostic.Location)
                {
                    return true;
                }
            }

            return false;
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
