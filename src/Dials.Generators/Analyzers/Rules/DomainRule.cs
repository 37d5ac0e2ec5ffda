using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>DIALS103: a default, range bound or choice outside the values its hyperparameter can mean (<see cref="RoleDomains"/>).</summary>
    internal sealed class DomainRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.Own)
            {
                foreach (var role in property.Roles)
                {
                    if (RoleDomains.TryGet(role, out var domain, out var noun))
                    {
                        CheckProperty(property, domain, noun, report);
                        break; // One domain per property is enough to say it is wrong.
                    }
                }
            }
        }

        private static void CheckProperty(TunedProperty property, ValueDomain domain, string noun, Action<Diagnostic> report)
        {
            if (property.Default is { } value && !domain.Contains(value))
            {
                report(Create(property, property.DefaultLocation, domain, noun, "default", value));
            }

            if (property.Range is not { } range)
            {
                return;
            }

            foreach (var extreme in range.Extremes)
            {
                if (!domain.Contains(extreme))
                {
                    var what = range.IsInterval ? (extreme == range.Low ? "low bound" : "high bound") : "choice";
                    report(Create(property, range.Location, domain, noun, what, extreme));
                }
            }
        }

        private static Diagnostic Create(TunedProperty property, Location? location, ValueDomain domain, string noun, string what, double value) =>
            Diagnostic.Create(DiagnosticDescriptors.OutsideDomain, location, property.Path, noun, domain.ToString(), what, Numbers.Text(value));
    }
}
