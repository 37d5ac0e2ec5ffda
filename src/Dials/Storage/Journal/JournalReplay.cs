using System.Buffers.Text;
using System.Text.Json;

namespace Dials.Storage.Journal;

/// <summary>
/// Rebuilds a journal's studies from its lines, in order, each line applied to the trial it names by number (never
/// by counting lines), so a damaged line costs only its own fact. What was lost is recorded as
/// <see cref="JournalDamage"/> and passed to the warning callback once.
/// </summary>
/// <remarks>
/// <para>A trial whose creation line was lost is rebuilt when a later line shows it existed (a line naming it, or the
/// creation of a later trial): created in its place, as creation would have made it (with the queued point that was
/// waiting, unless the line that reveals it is its own point line, which only sampled trials have), with the previous
/// trial's start time (its own is unknown), and then given whatever its surviving lines say. It keeps its number, so no
/// later trial shifts; a trial with no surviving line at all stays Running until stale-trial detection fails it.</para>
/// <para>A trial that completed but whose point line was lost keeps its value, but its configuration is unknown: it is
/// reported, and cannot be the best (see <see cref="Study{T}.GetResult"/>).</para>
/// <para>A study whose study record was lost cannot be rebuilt (its direction and space are unknown): lines naming it
/// are reported, and opening or creating it fails with an <see cref="InvalidDataException"/> naming the file and the
/// line, so a later run never starts it again from trial 0 beside its old trials.</para>
/// </remarks>
internal sealed class JournalReplay(string path, Action<string> warn)
{
    private readonly List<JournalDamage> damage = [];
    private readonly Dictionary<string, JournalDamage> lostStudies = new(StringComparer.Ordinal);
    private JournalDamage? unreadableFirstLine;

    /// <summary>The studies rebuilt so far, by name.</summary>
    public Dictionary<string, StudyLedger> Studies { get; } = new(StringComparer.Ordinal);

    /// <summary>Everything lost so far, in line order.</summary>
    public IReadOnlyList<JournalDamage> Damage => damage;

    /// <summary>Applies one line (the <see cref="JournalLineHandler"/> for <see cref="JournalFile"/>).</summary>
    public void Line(long number, ReadOnlySpan<byte> utf8)
    {
        JournalRecord? record;
        try
        {
            record = JournalCodec.Read(utf8);
        }
        catch (JsonException error)
        {
            Unreadable(number, TrialNamedIn(utf8), $"unreadable record ({error.Message})");
            return;
        }

        if (record is null)
        {
            Unreadable(number, null, "unreadable record (null)");
        }
        else if (number == 1 && record.Op != JournalRecord.CreateStudy)
        {
            Unreadable(number, record.Number, $"the first line must be a study record, not '{record.Op}'");
        }
        else
        {
            Apply(number, record);
        }
    }

    /// <summary>The study's ledger.</summary>
    /// <exception cref="InvalidDataException">The study's record was lost.</exception>
    /// <exception cref="InvalidOperationException">No such study.</exception>
    public StudyLedger Find(string studyName) =>
        Studies.TryGetValue(studyName, out var ledger) ? ledger
        : lostStudies.TryGetValue(studyName, out var lost) ? throw LostStudy(studyName, lost)
        : throw new InvalidOperationException($"No study named '{studyName}' in journal '{path}'.");

    /// <summary>Throws when a new study named <paramref name="studyName"/> must not be created: its old lines are
    /// there without their study record, or the journal's first line (always a study record) cannot be read.</summary>
    public void CheckCanCreate(string studyName)
    {
        if (lostStudies.TryGetValue(studyName, out var lost))
        {
            throw LostStudy(studyName, lost);
        }

        if (unreadableFirstLine is { } first)
        {
            throw new InvalidDataException(
                $"Journal '{path}' line 1, the study record, cannot be read ({first.Reason}); a new study is not started beside what may be its trials. Repair the line or use another journal.");
        }
    }

    private InvalidDataException LostStudy(string studyName, JournalDamage lost) => new(
        $"Journal '{path}': study '{studyName}' cannot be read: its study record is missing or unreadable{FirstUnreadable(lost.Line)}, though line {lost.Line} and later lines belong to it. Repair the study record or use another journal; a new study is not started beside its trials.");

    private string FirstUnreadable(long before) =>
        damage.FirstOrDefault(d => d.Line < before && d.Study is null) is { } line ? $" (line {line.Line}: {line.Reason})" : "";

    private void Apply(long line, JournalRecord record)
    {
        if (record.Op == JournalRecord.CreateStudy)
        {
            Studies.TryAdd(record.Study, new StudyLedger(record.ToStoredStudy()));
            return;
        }

        if (!Studies.TryGetValue(record.Study, out var ledger))
        {
            if (!lostStudies.ContainsKey(record.Study))
            {
                lostStudies[record.Study] = Report(line, record.Study, record.Number, "a line of a study whose study record is missing or unreadable");
            }

            return;
        }

        try
        {
            ApplyTo(ledger, line, record);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            Report(line, record.Study, record.Number, $"skipped a record that does not fit the study ({error.Message})");
        }
    }

    private void ApplyTo(StudyLedger ledger, long line, JournalRecord record)
    {
        if (record.Op == JournalRecord.Enqueue)
        {
            ledger.Enqueue(record.Point ?? [], record.Reason);
            return;
        }

        if (record.Op is not (JournalRecord.CreateTrial or JournalRecord.SetPoint or JournalRecord.Report or JournalRecord.Finish or JournalRecord.Heartbeat))
        {
            throw new InvalidOperationException($"unknown operation '{record.Op}'");
        }

        // Every journal has written the number on creation lines too; counting is only a fallback for a line without.
        var number = record.Number ?? (record.Op == JournalRecord.CreateTrial ? ledger.TrialCount
            : throw new InvalidOperationException($"a '{record.Op}' record names no trial"));
        ArgumentOutOfRangeException.ThrowIfNegative(number, "n");
        if (record.Op == JournalRecord.CreateTrial)
        {
            if (number < ledger.TrialCount)
            {
                throw new InvalidOperationException($"trial {number} was already created");
            }

            Rebuild(ledger, upTo: number, line, record.At, takeQueued: true);
            ledger.CreateTrial(record.At ?? default, null, false);
            return;
        }

        // Only sampled trials have a point line: a trial revealed by its own point line took nothing from the queue.
        Rebuild(ledger, upTo: number + 1, line, record.At, takeQueued: record.Op != JournalRecord.SetPoint);
        switch (record.Op)
        {
            case JournalRecord.SetPoint:
                ledger.SetTrialPoint(number, record.Point ?? [], record.Strategy, record.Reason);
                break;
            case JournalRecord.Report:
                ledger.ReportIntermediate(number, new IntermediateValue(record.Step ?? 0, record.Value ?? double.NaN));
                break;
            case JournalRecord.Finish:
                var state = record.State ?? TrialState.Failed;
                if (ledger.FinishTrial(
                        number, state, record.Value, TimeSpan.FromTicks(record.DurationTicks ?? 0), record.Reason, record.Values, record.ConstraintValues(),
                        record.CpuTime)
                    && state == TrialState.Complete && ledger.Trial(number).Point.Count == 0)
                {
                    Report(line, ledger.Study.Name, number,
                        "the trial completed, but the line with its configuration (its point) was lost: it keeps its value and cannot be the best");
                }

                break;
            default:
                ledger.Heartbeat(number, record.At ?? default);
                break;
        }
    }

    /// <summary>Creates, in order, every trial below <paramref name="upTo"/> that does not exist yet: their creation
    /// lines were lost, and <paramref name="line"/> shows they existed.</summary>
    private void Rebuild(StudyLedger ledger, int upTo, long line, DateTimeOffset? at, bool takeQueued)
    {
        while (ledger.TrialCount < upTo)
        {
            var number = ledger.TrialCount;
            var start = number > 0 ? ledger.Trial(number - 1).Start : at ?? default;
            ledger.CreateTrial(start, null, false, takeQueued: takeQueued || number < upTo - 1);
            Report(line, ledger.Study.Name, number,
                "the line that created this trial is missing or unreadable; the trial was rebuilt from later lines (start time unknown: the previous trial's is used)");
        }
    }

    private void Unreadable(long line, int? trial, string reason)
    {
        var entry = Report(line, null, trial, reason);
        if (line == 1)
        {
            unreadableFirstLine = entry;
        }
    }

    private JournalDamage Report(long line, string? study, int? trial, string reason)
    {
        var entry = new JournalDamage(line, study, trial, reason);
        damage.Add(entry);
        warn($"Journal '{path}' {entry}.");
        return entry;
    }

    /// <summary>The trial number an unreadable line still shows (<c>"n":123</c>), if any: enough to say which trial
    /// probably lost a fact.</summary>
    private static int? TrialNamedIn(ReadOnlySpan<byte> utf8)
    {
        var at = utf8.IndexOf("\"n\":"u8);
        return at >= 0 && Utf8Parser.TryParse(utf8[(at + 4)..], out int number, out var consumed) && consumed > 0 && number >= 0
            ? number
            : null;
    }
}
