using System;
using Dials.Generators.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Rules
{
    /// <summary>One check over a [Hyperparameters] type. Rules report only at properties the type itself declares.</summary>
    internal interface IRecordRule
    {
        void Check(HyperparameterRecord record, Action<Diagnostic> report);
    }
}
