using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Dials.Generators.Analyzers.Model;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Analyzers.Rules;
using Dials.Generators.Diagnostics;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dials.Generators.Analyzers
{
    /// <summary>
    /// Flags dangerous or suspicious hyperparameter defaults and search spaces (DIALS100-DIALS199) on [Hyperparameters]
    /// types; nothing else is ever looked at. Each type is analysed once all its property initializers are bound: the
    /// constant initializers are collected per type, then every rule runs over the type's <see cref="HyperparameterRecord"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HyperparameterValuesAnalyzer : DiagnosticAnalyzer
    {
        private static readonly IRecordRule[] Rules =
        {
            new LearningRateRule(),
            new WideLinearRangeRule(),
            new DomainRule(),
            new DefaultAboveRule(HyperparameterRole.Dropout, Thresholds.HighDropout, DiagnosticDescriptors.HighDropout),
            new DefaultAboveRule(HyperparameterRole.WeightDecay, Thresholds.LargeWeightDecay, DiagnosticDescriptors.LargeWeightDecay),
            new PowerOfTwoBatchRule(),
            new BatchOfOneRule(),
            new LinearScalingRule(),
            new EarlyStoppingRule(),
            new AttentionHeadsRule(),
            new TemperatureRule(),
            new BoundaryDefaultRule(),
        };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.AnalyzerRules;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = new KnownSymbols(start.Compilation);
                if (symbols.Hyperparameters is null)
                {
                    return; // Dials is not referenced: nothing to analyse.
                }

                start.RegisterSymbolStartAction(typeStart => AnalyzeType(typeStart, symbols), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolStartAnalysisContext context, KnownSymbols symbols)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!symbols.IsHyperparametersType(type))
            {
                return;
            }

            var defaults = new ConcurrentDictionary<IPropertySymbol, (double Value, Location Location)>(SymbolEqualityComparer.Default);
            context.RegisterOperationAction(operation => CollectDefault(operation, type, defaults), OperationKind.PropertyInitializer);
            context.RegisterSymbolEndAction(end =>
            {
                var record = new RecordReader(symbols, end.CancellationToken)
                    .Read(type, new Dictionary<IPropertySymbol, (double, Location)>(defaults, SymbolEqualityComparer.Default));
                var reported = new List<Diagnostic>();
                foreach (var rule in Rules)
                {
                    rule.Check(record, reported.Add);
                }

                foreach (var diagnostic in reported)
                {
                    if (!BoundaryDefaultRule.GivesWay(diagnostic, reported))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        }

        /// <summary>Keeps a property's initializer when it is a numeric constant (a computed default cannot be judged).</summary>
        private static void CollectDefault(OperationAnalysisContext context, INamedTypeSymbol type,
            ConcurrentDictionary<IPropertySymbol, (double Value, Location Location)> defaults)
        {
            var initializer = (IPropertyInitializerOperation)context.Operation;
            var constant = initializer.Value.ConstantValue;
            if (!constant.HasValue)
            {
                return;
            }

            foreach (var property in initializer.InitializedProperties)
            {
                var kind = ValueKinds.Of(property.Type);
                if (SymbolEqualityComparer.Default.Equals(property.ContainingType, type)
                    && ValueKinds.AsNumber(constant.Value, kind == ValueKind.Single ? ValueKind.Double : kind) is not null)
                {
                    defaults[property] = (Numbers.AsWritten(constant.Value!), initializer.Value.Syntax.GetLocation());
                }
            }
        }
    }
}
