using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// Turns one [Hyperparameters] declaration into an equatable <see cref="TypeModel"/>, collecting the problems that
    /// stop it (DIALS001-DIALS099) in a <see cref="DiagnosticSink"/>. The generator runs it for the model and drops the
    /// diagnostics; <see cref="Analyzers.DeclarationAnalyzer"/> runs the same parse and reports them, so that every host
    /// that runs analyzers (build, IDE, language servers, dotnet format) sees them.
    /// </summary>
    internal static class Parser
    {
        /// <summary>The generator's parse: the model alone (null when the declarations are broken).</summary>
        public static TypeModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Parse((INamedTypeSymbol)context.TargetSymbol, (TypeDeclarationSyntax)context.TargetNode,
                context.SemanticModel.Compilation, new DiagnosticSink(muted: false), cancellationToken);

        /// <summary>The model of <paramref name="type"/> as declared by <paramref name="syntax"/> (the declaration
        /// carrying the attribute), or null when <paramref name="sink"/> received an error.</summary>
        public static TypeModel? Parse(INamedTypeSymbol type, TypeDeclarationSyntax syntax, Compilation compilation,
            DiagnosticSink sink, CancellationToken cancellationToken)
        {
            var containers = Containers(type, syntax, sink);
            CheckType(type, syntax, sink);
            if (sink.HasErrors)
            {
                return null;
            }

            var symbols = new KnownSymbols(compilation);
            var parser = new ObjectParser(compilation, symbols, cancellationToken);
            var root = parser.Parse(type, "", sink, ImmutableStack.Create(type));
            return root is null
                ? null
                : new TypeModel(
                    type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                    containers.ToEquatableArray(),
                    Keyword(type),
                    type.Name,
                    root);
        }

        private static void CheckType(INamedTypeSymbol type, TypeDeclarationSyntax syntax, DiagnosticSink sink)
        {
            var location = syntax.Identifier.GetLocation();
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                sink.Report(DiagnosticDescriptors.TypeNotPartial, location, type.Name);
            }
            else if (type.IsGenericType || ContainingTypes(type).Any(t => t.IsGenericType))
            {
                sink.Report(DiagnosticDescriptors.UnsupportedType, location, type.Name, "generic types are not supported");
            }
            else if (type.IsAbstract || type.IsStatic)
            {
                sink.Report(DiagnosticDescriptors.UnsupportedType, location, type.Name, "it must be a concrete type that can be created");
            }
            else if (type.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                sink.Report(DiagnosticDescriptors.UnsupportedType, location, type.Name,
                    "required members are not supported, since configurations are created with 'new()' and initializers are the defaults");
            }
            else if (!type.IsValueType && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private))
            {
                sink.Report(DiagnosticDescriptors.UnsupportedType, location, type.Name,
                    "it needs a parameterless constructor, since the defaults are the property initializers");
            }
        }

        private static List<ContainerModel> Containers(INamedTypeSymbol type, TypeDeclarationSyntax syntax, DiagnosticSink sink)
        {
            var containers = new List<ContainerModel>();
            foreach (var container in ContainingTypes(type))
            {
                var isPartial = container.DeclaringSyntaxReferences
                    .Select(r => r.GetSyntax())
                    .OfType<TypeDeclarationSyntax>()
                    .All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!isPartial)
                {
                    sink.Report(DiagnosticDescriptors.ContainingTypeNotPartial, syntax.Identifier.GetLocation(), type.Name, container.Name);
                }

                containers.Insert(0, new ContainerModel(Keyword(container), container.Name));
            }

            return containers;
        }

        private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
        {
            for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                yield return container;
            }
        }

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Interface } => "interface",
            { IsValueType: true } => "struct",
            _ => "class",
        };
    }
}
