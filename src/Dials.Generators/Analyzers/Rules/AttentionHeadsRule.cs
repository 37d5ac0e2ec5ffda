using System;
using System.Collections.Generic;
using System.Linq;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>
    /// DIALS110: an embedding dimension and a head count that can meet (as defaults, or as values their dimensions take)
    /// where the heads do not divide the embedding; multi-head attention then fails when the model is built.
    /// </summary>
    internal sealed class AttentionHeadsRule : IRecordRule
    {
        // Enough for any realistic pair of discrete dimensions; larger products are skipped rather than slowing the IDE.
        private const long MaxPairs = 100_000;

        public void Check(HyperparameterRecord record, Action<Diagnostic> report)
        {
            foreach (var embedding in record.WithRole(HyperparameterRole.EmbeddingDimension))
            {
                foreach (var heads in record.WithRole(HyperparameterRole.AttentionHeads))
                {
                    var at = embedding.IsOwn ? embedding : heads.IsOwn ? heads : null;
                    if (at is null || FirstIndivisible(embedding, heads) is not var (e, h))
                    {
                        continue;
                    }

                    var how = embedding.IsTuned || heads.IsTuned ? "a configuration the search can try" : "the default";
                    report(Diagnostic.Create(DiagnosticDescriptors.HeadsDoNotDivideEmbedding, at.Location,
                        embedding.Path, Numbers.Text(e), heads.Path, Numbers.Text(h), how));
                }
            }
        }

        private static (double Embedding, double Heads)? FirstIndivisible(TunedProperty embedding, TunedProperty heads)
        {
            var embeddings = ValuesOf(embedding);
            var headCounts = ValuesOf(heads);
            if (embeddings is null || headCounts is null || (long)embeddings.Count * headCounts.Count > MaxPairs)
            {
                return null;
            }

            foreach (var e in embeddings)
            {
                foreach (var h in headCounts.Where(h => h >= 1))
                {
                    if (e % h != 0)
                    {
                        return (e, h);
                    }
                }
            }

            return null;
        }

        /// <summary>Every value the property can take in a trial, or null when unknown (a computed default, a continuous range).</summary>
        private static IReadOnlyList<double>? ValuesOf(TunedProperty property)
        {
            if (property.IsTuned)
            {
                return property.Range?.Enumerate(Thresholds.MaxEnumeratedValues);
            }

            return property.Default is { } value ? new[] { value } : null;
        }
    }
}
