namespace Dials.Generators.Diagnostics
{
    /// <summary>Where each diagnostic's help page lives: its docs/diagnostics page on the repository's public host.</summary>
    internal static class HelpLinks
    {
        /// <summary>
        /// The docs/diagnostics folder of the main branch on the public host. Absolute, because a link is read where the
        /// package is used (the IDE's rule link, the build's output), far from any checkout; the same pages also ship in
        /// the Dials package under docs/diagnostics for reading offline. Keep in step with the packages' RepositoryUrl
        /// (DescriptorTests checks it once one is declared).
        /// </summary>
        public const string Root = "https://github.com/dials-dotnet/dials/blob/main/docs/diagnostics/";

        public static string For(string id) => Root + id + ".md";
    }
}
