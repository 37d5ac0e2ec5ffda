namespace Dials.Storage.Tests;

/// <summary>The view of the trials with a point that a study shows its sampler, kept up to date between asks.</summary>
public sealed class SampledTrialsTests
{
    private static TrialRecord Record(int number, TrialState state, bool hasPoint) =>
        new(number, state, hasPoint ? [number] : [], null, [], DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void It_shows_exactly_the_trials_with_a_point_in_number_order_as_the_study_grows()
    {
        var sampled = new SampledTrials();
        var history = new List<TrialRecord>();
        // Trials 3 and 7 failed before they had a point (their sampler threw); the last two are still being sampled.
        for (var n = 0; n < 12; n++)
        {
            history.Add(Record(n, n is 3 or 7 ? TrialState.Failed : TrialState.Complete, hasPoint: n is not (3 or 7)));
            Check(sampled, [.. history, Record(n + 1, TrialState.Running, hasPoint: false)]);
        }

        // A running trial with a point stays in; once the one before it finishes, both are settled.
        history.Add(Record(12, TrialState.Running, hasPoint: false));
        history.Add(Record(13, TrialState.Running, hasPoint: true));
        Check(sampled, history);
        history[12] = Record(12, TrialState.Failed, hasPoint: false);
        history[13] = Record(13, TrialState.Complete, hasPoint: true);
        Check(sampled, history);
    }

    [Fact]
    public void A_history_where_every_trial_has_a_point_is_returned_as_it_is()
    {
        var history = Enumerable.Range(0, 5).Select(n => Record(n, TrialState.Complete, hasPoint: true)).ToList();
        Assert.Same(history, new SampledTrials().Of(history));
    }

    [Fact]
    public void The_view_copies_out_in_bulk_whether_or_not_the_history_can()
    {
        // The sampler copies the view at once (ICollection<T>.CopyTo): runs between skipped trials from a history
        // that copies in bulk itself, record by record from one that cannot.
        var history = Enumerable.Range(0, 40).Select(n => Record(n, TrialState.Complete, hasPoint: n % 7 != 3)).ToList();
        Check(new SampledTrials(), history);
        Check(new SampledTrials(), new PlainList(history));
    }

    private static void Check(SampledTrials sampled, IReadOnlyList<TrialRecord> history)
    {
        var expected = history.Where(t => t.Point.Count > 0).Select(t => t.Number).ToList();
        var view = sampled.Of(history);
        Assert.Equal(expected, view.Select(t => t.Number));
        Assert.Equal(expected, Enumerable.Range(0, view.Count).Select(i => view[i].Number));

        var copy = new TrialRecord[view.Count + 2];
        Assert.IsAssignableFrom<ICollection<TrialRecord>>(view).CopyTo(copy, 1);
        Assert.Null(copy[0]);
        Assert.Null(copy[^1]);
        Assert.Equal(expected, copy.Skip(1).Take(view.Count).Select(t => t.Number));
    }

    // A list that can only be read item by item.
    private sealed class PlainList(IReadOnlyList<TrialRecord> inner) : IReadOnlyList<TrialRecord>
    {
        public int Count => inner.Count;

        public TrialRecord this[int index] => inner[index];

        public IEnumerator<TrialRecord> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
