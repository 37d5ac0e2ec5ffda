using System;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS111: a sampling temperature above 2. Temperatures that are meant to be large are excluded by name:
    /// knowledge distillation (T of 2 to 20) and simulated annealing (a starting temperature in the hundreds).
    /// </summary>
    internal sealed class TemperatureRule : IRecordRule
    {
        private static readonly string[] LargeByDesign =
            { "distill", "distillation", "kd", "teacher", "student", "anneal", "annealing", "initial", "start", "starting" };

        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var property in record.OwnWithRole(HyperparameterRole.Temperature))
            {
                if (RoleAliases.HasWord(property.Symbol.Name, LargeByDesign))
                {
                    continue;
                }

                if (property.Default is { } value && value > Thresholds.HighTemperature)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.HighTemperature, property.DefaultLocation,
                        property.Path, "default", Numbers.Text(value)));
                }

                if (property.Range is { } range && range.High > Thresholds.HighTemperature)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.HighTemperature, range.Location,
                        property.Path, range.IsInterval ? "range's high bound" : "largest choice", Numbers.Text(range.High)));
                }
            }
        }
    }
}
