using Spectre.Console;

namespace Dials.Cli;

/// <summary>
/// Spectre consoles that write plain text wherever colour codes would be noise: a redirected stream (a pipe, a file,
/// a CI log) or a terminal with <c>NO_COLOR</c> set. The <c>dials</c> tool makes every console here; the TuneMlNet
/// sample compiles this same file (linked from its project) for its own.
/// </summary>
internal static class Consoles
{
    /// <summary>The width of tables written to a pipe or file when <c>COLUMNS</c> does not say.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>A console on standard output.</summary>
    public static IAnsiConsole StandardOutput() => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>A console on standard error.</summary>
    public static IAnsiConsole StandardError() => Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Whether a stream gets plain text: it is redirected, or <c>NO_COLOR</c> is set to anything but the empty
    /// string (https://no-color.org).</summary>
    public static bool IsPlain(bool redirected) =>
        redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A console on <paramref name="writer"/>. When output is redirected, Spectre cannot know the terminal's
    /// width and would assume 80 columns, squeezing long names into slivers; a numeric <c>COLUMNS</c> variable sets
    /// the width, and without one a redirected console is <see cref="RedirectedWidth"/> wide, so a pipe or file gets
    /// whole lines to grep.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        // Spectre trusts TERM, so a terminal's variables would put colour codes into a file or pipe: plain output
        // turns off escape sequences altogether (styles, colours and cursor moves), so no live display either: a
        // progress bar falls back to plain lines.
        var plain = IsPlain(redirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        var columns = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var c) && c > 0 ? c : (int?)null;
        if ((columns ?? (redirected ? RedirectedWidth : null)) is { } width)
        {
            console.Profile.Width = width;
        }

        return console;
    }
}
