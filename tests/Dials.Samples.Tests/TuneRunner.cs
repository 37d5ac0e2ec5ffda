using Spectre.Console;
using TuneMlNet;

namespace Dials.Samples.Tests;

/// <summary>Runs the main job's command in-process on a plain, wide console, capturing its output and errors.</summary>
internal static class TuneRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var exit = await TuneCommand.RunAsync(args, console, error);
        return (exit, output.ToString(), error.ToString());
    }
}
