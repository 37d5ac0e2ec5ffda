using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary>Where a command writes: tables and progress to Spectre consoles on stdout and stderr, and plain text
/// (JSON, CSV) straight to stdout where Spectre's markup and wrapping would corrupt it.</summary>
/// <param name="Out">Rich output for people (tables), on stdout.</param>
/// <param name="Progress">Status and progress, on stderr, so stdout stays clean for pipes.</param>
/// <param name="Plain">Unformatted stdout, for machine-readable output.</param>
/// <param name="Error">Errors and notes, on stderr, as plain lines: never wrapped, so they grep and parse.</param>
internal sealed record CliOutput(IAnsiConsole Out, IAnsiConsole Progress, TextWriter Plain, TextWriter Error)
{
    /// <summary>The width of tables written to a pipe or file when <c>COLUMNS</c> does not say.</summary>
    public const int RedirectedWidth = Consoles.RedirectedWidth;

    /// <summary>The process's own streams, plain when redirected or when <c>NO_COLOR</c> is set (see
    /// <see cref="Consoles"/>).</summary>
    public static CliOutput FromProcess() =>
        new(Consoles.StandardOutput(), Consoles.StandardError(), Console.Out, Console.Error);
}
