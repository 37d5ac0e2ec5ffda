using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.Generators.Schema
{
    /// <summary>
    /// Finds <c>services.AddHyperparameters&lt;T&gt;(configuration.GetSection("X"))</c> and
    /// <c>services.AddTuning&lt;T, TObjective&gt;(configuration.GetSection("X"))</c> with a constant section path, so the
    /// configuration schema knows which section holds what. A section chosen at run time has no schema.
    /// </summary>
    internal static class SectionBindingParser
    {
        private const string HyperparametersExtensions = "Microsoft.Extensions.DependencyInjection.HyperparametersServiceCollectionExtensions";
        private const string TuningExtensions = "Microsoft.Extensions.DependencyInjection.TuningServiceCollectionExtensions";
        private const string MultiObjectiveTuningExtensions = "Microsoft.Extensions.DependencyInjection.MultiObjectiveTuningServiceCollectionExtensions";

        /// <summary>A cheap syntactic filter: a call of a generic method named like one of the two registrations.</summary>
        public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
            node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation
            && Name(invocation.Expression) is GenericNameSyntax { Identifier.ValueText: "AddHyperparameters" or "AddTuning" };

        public static SectionBinding? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            // The generator sees the compilation before its own code is added, where T does not yet implement
            // IHyperparameters<T>: the call then fails overload resolution with the registration as its candidate (AddTuning
            // has two, for one and for several objectives, which bind the same section).
            var info = context.SemanticModel.GetSymbolInfo(invocation, cancellationToken);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault(c => c is IMethodSymbol m
                && Role((m.ReducedFrom ?? m).ContainingType?.ToDisplayString()) is not null);
            if (symbol is not IMethodSymbol method || method.TypeArguments.Length == 0)
            {
                return null;
            }

            var definition = method.ReducedFrom ?? method;
            var role = Role(definition.ContainingType?.ToDisplayString());
            if (role is null)
            {
                return null;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var section = SectionPath(arguments[arguments.Count - 1].Expression, context.SemanticModel, cancellationToken);
            if (section is null)
            {
                return null;
            }

            var type = method.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var tuning = role == SectionRole.Tuning ? TuningSchemaReader.Read(context.SemanticModel.Compilation, cancellationToken) : null;
            return new SectionBinding(role.Value, section, type, tuning);
        }

        private static SectionRole? Role(string? owner) =>
            owner == HyperparametersExtensions ? SectionRole.Hyperparameters
            : owner == TuningExtensions || owner == MultiObjectiveTuningExtensions ? SectionRole.Tuning
            : (SectionRole?)null;

        /// <summary>
        /// The path <c>x.GetSection("A")</c> (or <c>GetRequiredSection</c>, or a chain of them: <c>"A:B"</c>) names, with
        /// constant arguments; null for anything else.
        /// </summary>
        private static string? SectionPath(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            if (SectionAccess(expression) is not { } access)
            {
                return null;
            }

            var argument = ((InvocationExpressionSyntax)expression).ArgumentList.Arguments[0].Expression;
            if (model.GetConstantValue(argument, cancellationToken).Value is not string { Length: > 0 } key)
            {
                return null;
            }

            var outer = SectionAccess(access.Expression) is null ? "" : SectionPath(access.Expression, model, cancellationToken);
            return outer is null ? null : outer.Length == 0 ? key : outer + ":" + key;
        }

        /// <summary>The member access of a one-argument <c>GetSection</c>/<c>GetRequiredSection</c> call, or null.</summary>
        private static MemberAccessExpressionSyntax? SectionAccess(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Expression: MemberAccessExpressionSyntax access }
            && access.Name.Identifier.ValueText is "GetSection" or "GetRequiredSection"
                ? access
                : null;

        private static SimpleNameSyntax? Name(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
    }
}
