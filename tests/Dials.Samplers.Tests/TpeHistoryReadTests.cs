using System.Runtime.CompilerServices;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>
/// The history's incremental read (<see cref="TpeHistory.LastRead"/>: a sampler's read takes over what its last read
/// made of the very same record objects) against a first read with a cache that has read nothing: the same trials,
/// ranked in the same order, with the same coordinates, flags, numbers and losses, through every change a study makes
/// to its list of records.
/// </summary>
public sealed class TpeHistoryReadTests
{
    [Theory]
    [InlineData(1, false, false)]
    [InlineData(1, true, false)]
    [InlineData(2, true, false)]
    [InlineData(1, true, true)]
    [InlineData(3, false, true)]
    public void An_incremental_read_equals_a_first_read(int objectives, bool constantLiar, bool conditional)
    {
        var space = conditional ? EveryKind : UnitCube(4);
        var points = Points(new RandomSampler(seed: objectives), space, 600);
        var caches = new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>();
        var random = new Random(7 * objectives + (constantLiar ? 1 : 0));
        var trials = new List<TrialRecord>();
        var directions = Enumerable.Range(0, objectives).Select(i => i % 2 == 0 ? Direction.Minimize : Direction.Maximize).ToArray();
        for (var n = 0; n < 300; n++)
        {
            var shown = (IReadOnlyList<TrialRecord>)trials;
            if (n % 37 == 36)
            {
                // Now and then the records come out of number order: nothing may be taken over by position.
                shown = [.. trials.OrderBy(_ => random.Next())];
            }

            // The trial being proposed is sometimes among the records (it has its point already): it is left out.
            var proposing = n % 11 == 3 && trials.Count > 0 ? trials[^1].Number : trials.Count;
            var context = new SamplingContext(space, directions[0], shown, proposing) { Directions = directions };
            AssertSameRead(context, constantLiar, caches);

            // A new trial joins, in any state; a queued one has no point yet.
            var point = points[n];
            trials.Add(Record(trials.Count, point, random.Next(8), objectives));

            // A running trial (or a queued one, which gets its point) finishes now and then: a new record object.
            var open = trials.FindIndex(t => t.State == TrialState.Running);
            if (open >= 0 && random.Next(3) == 0)
            {
                trials[open] = Record(open, points[300 + open], random.Next(4), objectives);
            }

            // A finished record is now and then handed out again as a copy (as a storage that reads afresh would).
            if (random.Next(5) == 0)
            {
                var t = random.Next(trials.Count);
                trials[t] = trials[t] with { };
            }
        }
    }

    [Fact]
    public void Two_studies_sharing_a_sampler_read_what_first_reads_give()
    {
        // The same trial numbers carry other points and values in the other study: whatever the last read took in
        // belongs to the other list, and the cache's entries for those numbers were replaced in between.
        var space = UnitCube(3);
        var caches = new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>();
        var random = new Random(5);
        var studies = new[] { new List<TrialRecord>(), new List<TrialRecord>() };
        for (var n = 0; n < 200; n++)
        {
            var trials = studies[n % 3 == 0 ? 0 : 1];
            var context = new SamplingContext(space, Direction.Minimize, trials, trials.Count);
            AssertSameRead(context, constantLiar: n % 4 != 0, caches);
            double[] point = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            trials.Add(Record(trials.Count, point, random.Next(8), objectives: 1));
        }
    }

    [Fact]
    public void A_read_of_another_direction_or_setting_takes_nothing_over()
    {
        // The same records under another direction rank the other way round, and without the constant liar the
        // running trials drop out: a read under other settings must not keep what the last one made of them.
        var space = UnitCube(2);
        var caches = new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>();
        var random = new Random(9);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 80; n++)
        {
            var direction = n % 5 < 2 ? Direction.Maximize : Direction.Minimize;
            AssertSameRead(new SamplingContext(space, direction, trials, trials.Count), constantLiar: n % 3 != 1, caches);
            trials.Add(Record(trials.Count, [random.NextDouble(), random.NextDouble()], random.Next(8), objectives: 1));
        }
    }

    // A record of trial `number` at `point`: complete (kinds 0 to 3), pruned with an intermediate value or without,
    // failed, running, or queued (no point yet); a complete one now and then infeasible.
    private static TrialRecord Record(int number, double[] point, int kind, int objectives)
    {
        var value = point.Where(double.IsFinite).Sum(x => x * x) + number % 3;
        var complete = Complete(number, point, value) with
        {
            Values = objectives > 1 ? [.. Enumerable.Range(0, objectives).Select(i => value * (i + 1) - i * number % 5)] : null,
            Constraints = number % 17 == 5 ? [new ConstraintValue("c", number % 2 == 0 ? 0.5 : -1)] : null,
        };
        return kind switch
        {
            4 => complete with { State = TrialState.Pruned, Value = null, Values = null, Intermediate = number % 2 == 0 ? [new IntermediateValue(number % 3, value)] : [] },
            5 => complete with { State = TrialState.Failed, Value = null, Values = null },
            6 => Running(number, point),
            7 => Running(number, []),
            _ => complete,
        };
    }

    // Reads `context` with the sampler's caches and with a cache that has read nothing, and asserts the two agree.
    private static void AssertSameRead(SamplingContext context, bool constantLiar,
        ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache> caches)
    {
        var read = TpeHistory.From(context, constantLiar, caches);
        var first = TpeHistory.From(context, constantLiar, new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>());
        Assert.Equal(first.Count, read.Count);
        Assert.Equal(first.Ranked, read.Ranked);
        Assert.Equal(first.Numbers.Take(first.Count), read.Numbers.Take(read.Count));
        Assert.Equal(first.Finished.Take(first.Count), read.Finished.Take(read.Count));
        Assert.Equal(first.EverywhereActive.Take(first.Count), read.EverywhereActive.Take(read.Count));
        for (var t = 0; t < first.Count; t++)
        {
            Assert.Equal(Bits(first.Coordinates[t]), Bits(read.Coordinates[t]));
            Assert.Equal(Bits(first.Losses?[t]), Bits(read.Losses?[t]));
        }

        Assert.Equal(first.Losses is null, read.Losses is null);
        Assert.Equal(first.IndexOfNumber is null, read.IndexOfNumber is null);
        if (first.IndexOfNumber is { } expected)
        {
            // The sampler's cache may know more numbers (another study's): past the list they map to no trial.
            var indexOfNumber = read.IndexOfNumber!;
            Assert.Equal(expected, indexOfNumber.Take(expected.Length));
            Assert.All(indexOfNumber.Skip(expected.Length), index => Assert.Equal(-1, index));
        }

        read.Return();
        first.Return();

        static long[]? Bits(double[]? values) => values?.Select(BitConverter.DoubleToInt64Bits).ToArray();
    }
}
