using System;
using System.Linq;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS109: a long training run (by default or at the top of its range) with nothing in the type (or the types nested
    /// in it) that stops it once validation stops improving.
    /// </summary>
    internal sealed class EarlyStoppingRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            if (record.WithRole(HyperparameterRole.EarlyStoppingPatience).Any())
            {
                return;
            }

            foreach (var epochs in record.OwnWithRole(HyperparameterRole.Epochs))
            {
                var most = Math.Max(epochs.Default ?? 0, epochs.Range?.High ?? 0);
                if (most >= Thresholds.ManyEpochs)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.ManyEpochsWithoutEarlyStopping, epochs.Location,
                        epochs.Path, Numbers.Text(most), record.Name));
                }
            }
        }
    }
}
