using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary>Where a command writes: tables and progress to Spectre consoles on stdout and stderr, and plain text
/// (JSON, CSV) straight to stdout where Spectre's markup and wrapping would corrupt it.</summary>
/// <param name="Out">Rich output for people (tables), on stdout.</param>
/// <param name="Progress">Status and progress, on stderr, so stdout stays clean for pipes.</param>
/// <param name="Plain">Unformatted stdout, for machine-readable output.</param>
/// <param name="Error">Errors and notes, on stderr, as plain lines: never wrapped, so they grep and parse.</param>
public sealed record CliOutput(IAnsiConsole Out, IAnsiConsole Progress, TextWriter Plain, TextWriter Error)
{
    /// <summary>The width of tables written to a pipe or file when <c>COLUMNS</c> does not say.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>The process's own streams. When output is redirected, Spectre cannot know the terminal's width and
    /// would assume 80 columns, squeezing long study names into slivers; a numeric <c>COLUMNS</c> variable sets the
    /// width, and without one a redirected table is laid out <see cref="RedirectedWidth"/> wide, so a pipe or file gets
    /// whole lines to grep.</summary>
    public static CliOutput FromProcess()
    {
        var width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : (int?)null;
        return new CliOutput(
            Create(Console.Out, Console.IsOutputRedirected, width ?? (Console.IsOutputRedirected ? RedirectedWidth : null)),
            Create(Console.Error, Console.IsErrorRedirected, width ?? (Console.IsErrorRedirected ? RedirectedWidth : null)),
            Console.Out, Console.Error);
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected, int? width)
    {
        // Spectre trusts TERM, so a terminal's variables would put colour codes into a file or pipe; a redirected
        // stream gets plain text and no live status display.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (width is { } w)
        {
            console.Profile.Width = w;
        }

        return console;
    }
}
