namespace Dials.Generators.Diagnostics
{
    /// <summary>Where each diagnostic's help page lives, so every rule links to its docs/diagnostics page.</summary>
    internal static class HelpLinks
    {
        // Repository-relative until the project has a public home; tools show it beside the rule.
        private const string Root = "docs/diagnostics/";

        public static string For(string id) => Root + id + ".md";
    }
}
