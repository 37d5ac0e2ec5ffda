using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// Collects the diagnostics of a parse. A muted sink (used while flattening a nested type, whose own parse reports
    /// its problems) only remembers that something was wrong.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly List<DiagnosticInfo> diagnostics = new List<DiagnosticInfo>();

        public DiagnosticSink(bool muted) => Muted = muted;

        public bool Muted { get; }

        public bool HasErrors { get; private set; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

        /// <summary>A nesting cycle that leads back to the type being generated, as "A -> B -> A".</summary>
        public string? RootCycle { get; set; }

        /// <summary>Marks the parse as failed without a diagnostic of its own (one is reported elsewhere).</summary>
        public void Fail() => HasErrors = true;

        /// <summary>Records a diagnostic. Returns false, so a check can read <c>ok = sink.Report(...)</c>.</summary>
        public bool Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments)
        {
            HasErrors = true;
            if (!Muted)
            {
                diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
            }

            return false;
        }
    }
}
