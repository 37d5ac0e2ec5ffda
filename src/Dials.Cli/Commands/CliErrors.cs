using System.Data.Common;

namespace Dials.Cli.Commands;

/// <summary>The exit codes of every <c>dials</c> command (documented in docs/cli.md): scripts tell "your input is
/// wrong" from "you called me wrong" from "I broke".</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or not found: a missing storage file, a malformed storage spec, an unknown study, a study
    /// without the trials the command needs, a storage that cannot be read.</summary>
    public const int BadInput = 1;

    /// <summary>Usage: an unknown command or option, a missing required option, a value not among those allowed, or
    /// options that do not go together.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure: a bug to report.</summary>
    public const int Internal = 3;
}

/// <summary>A problem the user can fix, with the exit code it ends the command with.</summary>
/// <param name="message">What is wrong, in a sentence.</param>
/// <param name="exitCode">One of <see cref="ExitCodes"/>.</param>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Turns what a command throws into a message on stderr and an exit code, so that no command prints a stack
/// trace for a mistake in its input.</summary>
internal static class CliErrors
{
    /// <summary>Runs a command body and maps its failures to exit codes.</summary>
    /// <param name="output">Where the message goes (its error console).</param>
    /// <param name="body">The command; returns its exit code.</param>
    public static int Guard(CliOutput output, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (CliException e)
        {
            return Fail(output, e.Message, e.ExitCode);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException
                                       or UnauthorizedAccessException or DbException)
        {
            // StorageSpec, StudySnapshot.Load, the signature parser and the storages all say what is wrong in their
            // messages (without secrets); the user needs those, not a stack trace.
            return Fail(output, e.Message, ExitCodes.BadInput);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(output, $"unexpected {e.GetType().Name}: {e.Message}", ExitCodes.Internal);
        }
    }

    private static int Fail(CliOutput output, string message, int code)
    {
        output.Error.WriteLine("error: " + message);
        return code;
    }
}
