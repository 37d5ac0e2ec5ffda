namespace Dials.Storage.Sql;

/// <summary>
/// What one storage last read of one study's trials, so that the next read fetches only the trials changed since:
/// every transaction that changes a trial stamps it with the study's next change number (<c>change_seq</c>), and the
/// cache remembers the highest number it has applied.
/// </summary>
/// <remarks>The numbers are handed out under the study row's lock (SQLite: the database's write lock), which the
/// transaction holds until it commits, so they commit in order: a read that sees change n also sees every change
/// before it, and "above the highest seen" misses nothing. Callers hold <see cref="Gate"/> around a read and its
/// <see cref="Apply"/>.</remarks>
internal sealed class TrialCache
{
    // The core's copy-on-write list: a read hands out a snapshot sharing every unchanged chunk of trials.
    private TrialList trials = new();

    /// <summary>Held for a whole read, so two threads of one storage never apply changes out of order.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The study's id, once found.</summary>
    public long? StudyId { get; set; }

    /// <summary>The highest change number applied; -1 before the first read.</summary>
    public long Seen { get; private set; } = -1;

    /// <summary>Forgets every trial, so the next read is a full one (schemas before version 3 have no change numbers).</summary>
    public void Clear()
    {
        trials = new TrialList();
        Seen = -1;
    }

    /// <summary>Applies the trials one read found changed, then returns the snapshot of every trial. Applied only once
    /// the read has finished, so a read that fails half-way changes nothing.</summary>
    /// <param name="changed">Each changed trial with its change number, in trial number order.</param>
    /// <param name="study">The study's name, for the error below.</param>
    /// <exception cref="InvalidOperationException">A trial number skips one: the database breaks the storage's own
    /// rules (rows changed by hand).</exception>
    public IReadOnlyList<TrialRecord> Apply(IReadOnlyList<(TrialRecord Trial, long Change)> changed, string study)
    {
        if (changed.Count == 0)
        {
            return trials.Freeze();
        }

        foreach (var (trial, _) in changed)
        {
            if (trial.Number < trials.Count)
            {
                trials[trial.Number] = trial;
            }
            else if (trial.Number == trials.Count)
            {
                trials.Add(trial);
            }
            else
            {
                var last = trials.Count - 1;
                Clear();
                throw new InvalidOperationException(
                    $"Study '{study}' has a gap in its trial numbers: trial {trial.Number} would follow trial {last}. The dials_trials table was changed by hand.");
            }
        }

        Seen = Math.Max(Seen, changed.Max(c => c.Change));
        return trials.Freeze();
    }
}
