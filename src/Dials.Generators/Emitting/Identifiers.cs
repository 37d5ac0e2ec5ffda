using Microsoft.CodeAnalysis.CSharp;

namespace Dials.Generators.Emitting
{
    /// <summary>Names as generated code must spell them: a symbol's name is its identifier text (<c>class</c> for a
    /// property declared <c>@class</c>), which only compiles as an identifier with the verbatim prefix.</summary>
    internal static class Identifiers
    {
        public static string Escape(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
