using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>A symbol's XML doc summary as one line of plain text, for the descriptions an editor shows in the
    /// configuration schema.</summary>
    internal static class Documentation
    {
        private static readonly Regex Whitespace = new Regex(@"\s+");

        /// <summary>The summary, with <c>see</c> references as their short names and whitespace collapsed; null when
        /// the symbol has none (or its XML is malformed, which the compiler reports itself).</summary>
        /// <remarks>
        /// A symbol declared in source is read from its <c>///</c> lines: a command-line build without
        /// GenerateDocumentationFile parses doc comments as plain comments, and then the compiler has no XML for it. A
        /// symbol from a reference is read from the XML file beside it, where the compiler has one.
        /// </remarks>
        /// <param name="symbol">The documented symbol.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <param name="compilation">When given (the assembly carrying its own summaries, built with its XML docs), the
        /// compiler's resolved doc comment is read, and a <c>see</c> of a constant is written as the constant's value, so a
        /// summary that names a default by its constant shows the number.</param>
        public static string? Summary(ISymbol symbol, CancellationToken cancellationToken, Compilation? compilation = null)
        {
            var resolved = compilation is null ? null : symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            var xml = !string.IsNullOrWhiteSpace(resolved) ? resolved
                : symbol.DeclaringSyntaxReferences.Length > 0
                ? FromSource(symbol, cancellationToken)
                : symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            if (string.IsNullOrWhiteSpace(xml))
            {
                return symbol.DeclaringSyntaxReferences.Length > 0 ? null : Carried(symbol);
            }

            try
            {
                var summary = XElement.Parse(xml).Element("summary");
                if (summary is null)
                {
                    return null;
                }

                var text = new StringBuilder();
                Append(summary, text, compilation);
                var line = Whitespace.Replace(text.ToString(), " ").Trim();
                return line.Length == 0 ? null : line;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        /// <summary>The AssemblyMetadata key prefix under which an assembly carries its own summaries (see
        /// <see cref="Schema.TuningSchemaReader.CarriedDocumentation"/>), followed by the member's documentation ID.</summary>
        public const string CarriedPrefix = "Dials.Doc:";

        /// <summary>
        /// The summary a referenced assembly carries for one of its members: a command-line build gives the compiler no
        /// XML doc files for references, so Dials.Options records the summaries the schema shows in its own metadata.
        /// </summary>
        private static string? Carried(ISymbol symbol)
        {
            var key = CarriedPrefix + symbol.GetDocumentationCommentId();
            foreach (var attribute in symbol.ContainingAssembly?.GetAttributes() ?? System.Collections.Immutable.ImmutableArray<AttributeData>.Empty)
            {
                if (attribute.AttributeClass?.Name == "AssemblyMetadataAttribute"
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value as string == key)
                {
                    return attribute.ConstructorArguments[1].Value as string;
                }
            }

            return null;
        }

        /// <summary>The <c>///</c> lines before the first declaration that has any (a partial type may document any
        /// of its parts), wrapped in one element.</summary>
        private static string? FromSource(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var lines = new StringBuilder();
                foreach (var trivia in reference.GetSyntax(cancellationToken).GetLeadingTrivia())
                {
                    foreach (var raw in trivia.ToFullString().Split('\n'))
                    {
                        var line = raw.Trim();
                        if (line.StartsWith("///", System.StringComparison.Ordinal))
                        {
                            lines.Append(line.Substring(3)).Append('\n');
                        }
                    }
                }

                if (lines.Length > 0)
                {
                    return "<doc>" + lines + "</doc>";
                }
            }

            return null;
        }

        private static void Append(XElement element, StringBuilder text, Compilation? compilation)
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText plain)
                {
                    text.Append(plain.Value);
                }
                else if (node is XElement inner)
                {
                    if (inner.Name.LocalName is "see" or "seealso" && !inner.Nodes().Any())
                    {
                        text.Append(ConstantValue(inner, compilation) ?? ShortName(inner));
                    }
                    else if (inner.Name.LocalName is "paramref" or "typeparamref")
                    {
                        text.Append((string?)inner.Attribute("name"));
                    }
                    else
                    {
                        Append(inner, text, compilation);
                    }
                }
            }
        }

        /// <summary>The value of the constant a resolved <c>cref</c> ("F:...") names, as invariant text; null otherwise.</summary>
        private static string? ConstantValue(XElement see, Compilation? compilation)
        {
            var reference = (string?)see.Attribute("cref");
            if (compilation is null || reference is null || !reference.StartsWith("F:", System.StringComparison.Ordinal)
                || DocumentationCommentId.GetFirstSymbolForDeclarationId(reference, compilation) is not IFieldSymbol { HasConstantValue: true } field)
            {
                return null;
            }

            return field.ConstantValue switch
            {
                double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                string text => text,
                var value => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        /// <summary>"T:Dials.Samplers.TpeSampler" as "TpeSampler"; a langword as itself.</summary>
        private static string ShortName(XElement see)
        {
            var reference = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? "";
            var colon = reference.IndexOf(':');
            var name = colon >= 0 && colon == 1 ? reference.Substring(2) : reference;
            var paren = name.IndexOf('(');
            if (paren >= 0)
            {
                name = name.Substring(0, paren);
            }

            var dot = name.LastIndexOf('.');
            return dot >= 0 ? name.Substring(dot + 1) : name;
        }
    }
}
