using System;
using System.Linq;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS107: a default batch of one example with a default learning rate sized for averaged mini-batch gradients.
    /// Both defaults must be written on the type itself, so the pair is certain.
    /// </summary>
    internal sealed class BatchOfOneRule : IRecordRule
    {
        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            var learningRate = record.OwnWithRole(HyperparameterRole.LearningRate)
                .FirstOrDefault(p => p.Default >= Thresholds.LargeLearningRateForBatchOfOne);
            if (learningRate is null)
            {
                return;
            }

            foreach (var batch in record.OwnWithRole(HyperparameterRole.BatchSize))
            {
                if (batch.Default == 1)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.BatchOfOneWithLargeLearningRate, batch.DefaultLocation,
                        batch.Path, learningRate.Path, Numbers.Text(learningRate.Default!.Value)));
                }
            }
        }
    }
}
