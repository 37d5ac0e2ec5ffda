using System.Globalization;
using System.Text;

namespace Dials.StorageBenchmark;

/// <summary>Appends finished trials to a journal in the journal storage's own line format (trial, point, finish),
/// written once and synced once rather than synced per trial.</summary>
internal static class JournalFill
{
    /// <summary>Appends trials 1 .. <paramref name="size"/> - 1 to a journal holding study <paramref name="name"/>
    /// and its trial 0.</summary>
    public static void Append(string path, string name, int size)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(path, append: true, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var n = 1; n < size; n++)
        {
            var x = StudyFill.FillPoint(n);
            var at = start.AddSeconds(n).ToString("O", CultureInfo.InvariantCulture);
            writer.WriteLine($$"""{"op":"trial","study":"{{name}}","n":{{n}},"at":"{{at}}"}""");
            writer.WriteLine(FormattableString.Invariant(
                $$"""{"op":"point","study":"{{name}}","n":{{n}},"point":[{{x:R}}],"strategy":"random"}"""));
            writer.WriteLine(FormattableString.Invariant(
                $$"""{"op":"finish","study":"{{name}}","n":{{n}},"value":{{x * x:R}},"state":"Complete","ticks":10000}"""));
        }

        writer.Flush();
        writer.BaseStream.Flush();
        ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
    }
}
