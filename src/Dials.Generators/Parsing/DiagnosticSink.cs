using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// Collects the diagnostics of a parse. A muted sink (used while flattening a nested type, whose own parse reports
    /// its problems) only remembers that something was wrong. The diagnostics hold real locations (syntax trees), so a
    /// sink never travels through the generator's pipeline: the generator reads only <see cref="HasErrors"/>'s outcome,
    /// the model, and the analyzer reports what was collected.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly List<Diagnostic> diagnostics = new List<Diagnostic>();

        public DiagnosticSink(bool muted) => Muted = muted;

        public bool Muted { get; }

        public bool HasErrors { get; private set; }

        public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

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
                // As text, formatted once here: a host may carry a diagnostic's arguments to another process.
                diagnostics.Add(Diagnostic.Create(descriptor, location, arguments.Select(a => (object)(a?.ToString() ?? "null")).ToArray()));
            }

            return false;
        }
    }
}
