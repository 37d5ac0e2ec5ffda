using Dials.Testing;

namespace Dials.Cli.Tests;

/// <summary>Runs Dials.Cli.dll (copied next to the tests by the project reference) as its own process, as a user
/// would, with a wide console so tables never wrap, and with output redirected in an environment that claims a colour
/// terminal (<see cref="RedirectedProcess"/>): a console that trusted it would put colour codes in every run's output.</summary>
internal static class CliProcess
{
    public static ProcessRun Run(params string[] args) => Run(null, args);

    public static ProcessRun Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Dials.Cli.dll");
        var wide = new Dictionary<string, string> { ["COLUMNS"] = "400" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            wide[name] = value;
        }

        return RedirectedProcess.Run(dll, null, wide, args);
    }
}
