using System;
using System.Linq;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS108: tuning the batch size against a fixed learning rate compares each batch size at a learning rate that
    /// suits only one of them (Goyal et al. 2017, linear scaling). Only when the type (or a nested one) has a learning
    /// rate and none is tuned; a type without one may get it from elsewhere.
    /// </summary>
    internal sealed class LinearScalingRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            var learningRates = record.WithRole(HyperparameterRole.LearningRate).ToList();
            if (learningRates.Count == 0 || learningRates.Any(p => p.IsTuned))
            {
                return;
            }

            foreach (var batch in record.OwnWithRole(HyperparameterRole.BatchSize).Where(p => p.IsTuned))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.BatchSizeTunedLearningRateFixed, batch.Location,
                    batch.Path, learningRates[0].Path));
            }
        }
    }
}
