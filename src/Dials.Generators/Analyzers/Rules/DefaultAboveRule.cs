using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// A default above a practitioner's threshold for its role (DIALS104 dropout, DIALS105 weight decay). Values outside
    /// the role's domain altogether are DIALS103's, so they are not reported twice.
    /// </summary>
    internal sealed class DefaultAboveRule : IRecordRule
    {
        private readonly HyperparameterRole role;
        private readonly double threshold;
        private readonly DiagnosticDescriptor descriptor;

        public DefaultAboveRule(HyperparameterRole role, double threshold, DiagnosticDescriptor descriptor)
        {
            this.role = role;
            this.threshold = threshold;
            this.descriptor = descriptor;
        }

        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.OwnWithRole(role))
            {
                if (property.Default is { } value && value > threshold && InDomain(property, value))
                {
                    report(Diagnostic.Create(descriptor, property.DefaultLocation, property.Path, Numbers.Text(value)));
                }
            }
        }

        private static bool InDomain(TunedProperty property, double value)
        {
            foreach (var other in property.Roles)
            {
                if (RoleDomains.TryGet(other, out var domain, out _) && !domain.Contains(value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
