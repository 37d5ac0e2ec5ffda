namespace Dials.Storage;

/// <summary>
/// One fact a journal lost: a line that could not be read or does not fit its study, or a trial rebuilt without the
/// line that created it. A damaged line costs only its own fact: every other line still reaches its own trial, which
/// it names by number.
/// </summary>
/// <param name="Line">The 1-based line of the journal where the damage was found.</param>
/// <param name="Study">The study the line belongs to, when it can still be read.</param>
/// <param name="Trial">The trial the damage touches, when known (for an unreadable line, the trial number still legible
/// in it, if any).</param>
/// <param name="Reason">What was lost or wrong, in words.</param>
public sealed record JournalDamage(long Line, string? Study, int? Trial, string Reason)
{
    /// <summary>The damage as one line of text: where, which trial, why.</summary>
    public override string ToString() =>
        $"line {Line}{(Study is null ? "" : $", study '{Study}'")}{(Trial is { } n ? $", trial {n}" : "")}: {Reason}";
}
