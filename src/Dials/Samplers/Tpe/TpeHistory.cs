using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dials.Samplers;

/// <summary>
/// The trials a TPE proposal learns from, ranked best first: complete trials by value, then pruned trials (those
/// that got further first, then by their last intermediate value), then infeasible trials (any constraint above 0,
/// complete or pruned) by their total violation, then, as a constant liar, running trials as the worst of all (as
/// Optuna's TPE ranks them). Failed trials teach nothing and are left out. In a study of several objectives the
/// complete feasible trials come in number order, with their loss vectors in <see cref="Losses"/>: no single order
/// ranks them, so the sampler splits them by non-dominated sorting (<see cref="MultiObjectiveSplit"/>). Each trial's coordinates (unit values for numeric
/// dimensions, choice indices for categorical ones) are computed once per trial and cached per sampler and space, so a
/// proposal at trial 1,000 does not redo 1,000 points' conversions.
/// </summary>
internal sealed class TpeHistory
{
    private readonly CoordinateCache cache;
    private readonly int[]? indexOfNumber;
    private readonly int version;

    private TpeHistory(int count, double[]?[] coordinates, int[] numbers, int[] ranked, bool[] finished, bool[] everywhereActive,
        CoordinateCache cache, int[]? indexOfNumber, double[]?[]? losses)
    {
        Losses = losses;
        Numbers = numbers;
        Count = count;
        Coordinates = coordinates;
        Ranked = ranked;
        Finished = finished;
        EverywhereActive = everywhereActive;
        this.cache = cache;
        this.indexOfNumber = indexOfNumber;
        version = cache.Version;
    }

    /// <summary>The number of trials the sampler was shown (indices run from 0 to one less).</summary>
    public int Count { get; }

    /// <summary>Per trial index, its coordinates, or null for a trial left out. Rented: the array may be longer than
    /// <see cref="Count"/>, and goes back to the pool with <see cref="Return()"/>.</summary>
    public double[]?[] Coordinates { get; }

    /// <summary>Per trial index, the trial's number. Rented, as <see cref="Coordinates"/>.</summary>
    public int[] Numbers { get; }

    /// <summary>The indices of the trials taken into account, best first.</summary>
    public int[] Ranked { get; }

    /// <summary>Per trial index, whether it has finished (so is not a constant-liar stand-in). Rented, as
    /// <see cref="Coordinates"/>.</summary>
    public bool[] Finished { get; }

    /// <summary>Per trial index, whether it has a coordinate in every dimension (no dimension inactive): then it is
    /// active in every group, which spares a look at each of a group's coordinates. Rented, as
    /// <see cref="Coordinates"/>.</summary>
    public bool[] EverywhereActive { get; }

    /// <summary>In a study of several objectives, per trial index, the loss vector (every objective minimised) of a
    /// complete feasible trial, null for the others; null altogether in a single-objective study.</summary>
    public double[]?[]? Losses { get; }

    /// <summary>The last good group <see cref="MultiObjectiveSplit"/> chose in this proposal, kept because the groups
    /// of a proposal (every dimension, in univariate mode) usually split the same trials.</summary>
    public (int[] Trials, int Count, bool[] Good)? LastSplit { get; set; }

    /// <summary>Ranks the trials of <paramref name="context"/>.</summary>
    /// <param name="context">The trials and the space.</param>
    /// <param name="constantLiar">Whether running trials count, as the worst.</param>
    /// <param name="caches">The sampler's coordinate caches, one per search space. Kept per sampler rather than
    /// globally, because concurrent studies of one space (a generated type's space is a single shared object)
    /// would otherwise keep overwriting each other's entries for the same trial numbers.</param>
    public static TpeHistory From(SamplingContext context, bool constantLiar,
        ConditionalWeakTable<SearchSpace, CoordinateCache> caches)
    {
        var cache = caches.GetValue(context.Space, _ => new CoordinateCache());
        var count = context.Trials.Count;
        var sign = context.Direction == Direction.Maximize ? -1.0 : 1.0;
        var directions = context.Directions;
        var objectives = directions.Count; // read once: an interface call per trial showed in profiles
        var dimensions = context.Space.Dimensions.Count;

        // One lock for the whole pass, so that the sorted coordinates read below match the coordinates handed out,
        // and the last read (see LastRead) is this cache's very last.
        using var scope = cache.Gate.EnterScope();
        var last = cache.Last;
        var reusable = last.Reusable(sign, constantLiar, objectives, count);
        last.Reserve(count, objectives);

        // The records are copied out at once where the list can (the study's view of a storage's snapshot copies
        // runs of references), not fetched one by one through an interface call and a lookup each.
        var records = ArrayPool<TrialRecord>.Shared.Rent(count);
        if (context.Trials is ICollection<TrialRecord> bulk)
        {
            bulk.CopyTo(records, 0);
        }
        else
        {
            for (var t = 0; t < count; t++)
            {
                records[t] = context.Trials[t];
            }
        }

        for (var t = 0; t < count; t++)
        {
            var trial = records[t];
            if (t < reusable && ReferenceEquals(trial, last.Records[t]) && last.Numbers[t] != context.TrialNumber
                && last.Numbers[t] != last.Proposed)
            {
                // The very record the last read had here: what that read made of it stands (it is what the cache's
                // Recall would give). Only the records that changed are read again, not the study's whole bulk. (Its
                // number is read from the last read's array: the record object itself is not touched, which in a
                // long study is a cache miss per record.)
                continue;
            }

            last.Records[t] = trial;
            last.Numbers[t] = trial.Number;
            RankKey? key = null;
            double[]? coordinates = null;
            var everywhereActive = false;
            if (trial.Number != context.TrialNumber && cache.Recall(trial, sign, constantLiar, objectives) is { } recalled)
            {
                // The same record as the last proposal read for its number: its coordinates and ranking stand.
                (key, coordinates, everywhereActive) = (recalled.Key, recalled.Coordinates, recalled.EverywhereActive);
            }
            else if (trial.Number == context.TrialNumber || trial.Point.Count != dimensions
                || RankOf(trial, sign, constantLiar, objectives) is not { } fresh)
            {
                cache.Rank(trial.Number, null);
                cache.Remember(trial, sign, constantLiar, objectives, trial.Number == context.TrialNumber, null, null, false);
            }
            else
            {
                key = fresh;
                (coordinates, everywhereActive) = cache.Get(context.Space, trial);
                cache.Rank(trial.Number, key.Value.Class == 0 ? key.Value.Value : null);
                cache.Remember(trial, sign, constantLiar, objectives, false, key, coordinates, everywhereActive);
            }

            last.Keys[t] = key;
            last.Coordinates[t] = coordinates;
            last.EverywhereActive[t] = everywhereActive;
            last.Finished[t] = key is not null && trial.State != TrialState.Running;
            if (last.Losses is not null)
            {
                last.Losses[t] = key is { Class: 0 } ? MultiObjective.Losses.Of(trial.Values!, directions, nameof(trial.Values)) : null;
            }
        }

        Array.Clear(records, 0, count); // the pool must not keep the records alive
        ArrayPool<TrialRecord>.Shared.Return(records);
        last.Close(count, sign, constantLiar, objectives, context.TrialNumber);

        // The per-trial arrays handed out are rented copies of the last read's (a history is read once per proposal,
        // and these would be most of what a proposal allocates); plain copies cost little next to reading records.
        var coordinatesOut = ArrayPool<double[]?>.Shared.Rent(count);
        var numbers = ArrayPool<int>.Shared.Rent(count);
        var finished = ArrayPool<bool>.Shared.Rent(count);
        var everywhereActiveOut = ArrayPool<bool>.Shared.Rent(count);
        Array.Copy(last.Coordinates, coordinatesOut, count);
        Array.Copy(last.Numbers, numbers, count);
        Array.Copy(last.Finished, finished, count);
        Array.Copy(last.EverywhereActive, everywhereActiveOut, count);
        var losses = last.Losses is null ? null : last.Losses.AsSpan(0, count).ToArray();

        // Complete trials, the bulk of a long study, are ordered on plain (value, index) arrays, which sort far
        // faster than composite keys; the few pruned and running trials follow with their own ordering.
        var values = ArrayPool<double>.Shared.Rent(count);
        var completeIndices = ArrayPool<int>.Shared.Rent(count);
        var complete = 0;
        List<RankKey>? others = null;
        var keys = last.Keys;
        for (var t = 0; t < count; t++)
        {
            if (keys[t] is not { } key)
            {
                continue;
            }

            if (key.Class == 0)
            {
                values[complete] = key.Value;
                completeIndices[complete++] = t;
            }
            else
            {
                (others ??= []).Add(key with { Index = t });
            }
        }

        // In number order, the cache's standing orders give the complete trials by value (ties by number) and each
        // dimension's coordinate order without sorting; otherwise the complete trials are sorted here.
        var indexOfNumber = last.Increasing ? cache.IndexOfNumber(numbers.AsSpan(0, count), coordinatesOut) : null;
        others?.Sort();
        var ranked = new int[complete + (others?.Count ?? 0)];
        if (indexOfNumber is null || !cache.RankComplete(indexOfNumber, ranked.AsSpan(0, complete)))
        {
            Array.Sort(values, completeIndices, 0, complete);
            Array.Copy(completeIndices, ranked, complete);
        }

        for (var r = complete; r < ranked.Length; r++)
        {
            ranked[r] = others![r - complete].Index;
        }

        ArrayPool<double>.Shared.Return(values);
        ArrayPool<int>.Shared.Return(completeIndices);

        return new TpeHistory(count, coordinatesOut, numbers, ranked, finished, everywhereActiveOut, cache, indexOfNumber, losses);
    }

    /// <summary>Hands the rented per-trial arrays back to the pool; the history must not be used afterwards.</summary>
    public void Return()
    {
        Array.Clear(Coordinates, 0, Count); // the pool must not keep the coordinates alive
        ArrayPool<double[]?>.Shared.Return(Coordinates);
        ArrayPool<int>.Shared.Return(Numbers);
        ArrayPool<bool>.Shared.Return(Finished);
        ArrayPool<bool>.Shared.Return(EverywhereActive);
    }

    /// <summary>Per group dimension, the positions of the good and the bad observations (<paramref name="stamps"/>
    /// of a trial index is <paramref name="stamp"/> for a good one, minus it for a bad one; its position in its set
    /// is <paramref name="positions"/>) in ascending order of their coordinate there, ties in index order (null for
    /// categorical dimensions), in the first items of arrays rented from the shared pool, which the caller returns.
    /// Read off the cache's standing order rather than sorted afresh; null when the trials were not in strictly
    /// increasing number order, or the cache has changed since.</summary>
    public (int[]?[]? Below, int[]?[]? Above) ObservationOrders(GroupDimension[] group, int[] stamps, int stamp,
        int[] positions, int belowCount, int aboveCount)
    {
        using var scope = cache.Gate.EnterScope();
        if (indexOfNumber is null || cache.Version != version)
        {
            return (null, null);
        }

        // Per trial number, 1 + its position among the good observations, minus that among the bad ones, or 0:
        // one look-up per listed trial in the walks below.
        var slots = ArrayPool<int>.Shared.Rent(indexOfNumber.Length);
        for (var number = 0; number < indexOfNumber.Length; number++)
        {
            var t = indexOfNumber[number];
            slots[number] = t < 0 ? 0 : stamps[t] == stamp ? positions[t] + 1 : stamps[t] == -stamp ? -positions[t] - 1 : 0;
        }

        var below = new int[]?[group.Length];
        var above = new int[]?[group.Length];
        for (var j = 0; j < group.Length; j++)
        {
            if (group[j].IsCategorical)
            {
                continue;
            }

            // One spare item in each: every number writes to both sets and moves on in the one it belongs to, which
            // spares a branch that the random interleaving of good and bad observations would mispredict half the time.
            var good = below[j] = ArrayPool<int>.Shared.Rent(belowCount + 1);
            var bad = above[j] = ArrayPool<int>.Shared.Rent(aboveCount + 1);
            int b = 0, a = 0;
            foreach (var number in cache.NumbersByCoordinate(group[j].Index))
            {
                // A number is listed once per dimension and maps to one trial, so neither count can pass its set's
                // size, and the spare item takes the writes once a set is full.
                var slot = number < indexOfNumber.Length ? slots[number] : 0;
                good[b] = slot - 1;
                bad[a] = -slot - 1;
                b += slot > 0 ? 1 : 0;
                a += slot < 0 ? 1 : 0;
            }

            // Every observation of the group is active in all its dimensions, so each one was listed exactly once.
            if (b != belowCount || a != aboveCount)
            {
                Return(below);
                Return(above);
                ArrayPool<int>.Shared.Return(slots);
                return (null, null);
            }
        }

        ArrayPool<int>.Shared.Return(slots);
        return (below, above);
    }

    /// <summary>The coordinate cache this history was read from: its standing orders may be read under its
    /// <see cref="CoordinateCache.Gate"/> while <see cref="OrdersCurrent"/> holds.</summary>
    public CoordinateCache Cache => cache;

    /// <summary>Per trial number, the index of the trial that has it, or -1; null when the trials were not in strictly
    /// increasing number order (then the standing orders do not apply).</summary>
    public int[]? IndexOfNumber => indexOfNumber;

    /// <summary>Whether the cache's standing orders still describe exactly the coordinates handed out here: the
    /// trials came in number order and no coordinates changed since. Read under the cache's gate.</summary>
    public bool OrdersCurrent => indexOfNumber is not null && cache.Version == version;

    /// <summary>Hands arrays of <see cref="ObservationOrders"/> back to the shared pool.</summary>
    public static void Return(int[]?[]? orders)
    {
        foreach (var order in orders ?? [])
        {
            if (order is not null)
            {
                ArrayPool<int>.Shared.Return(order);
            }
        }
    }

    private static RankKey? RankOf(TrialRecord trial, double sign, bool constantLiar, int objectives) => trial.State switch
    {
        // A running trial's constraints are not known yet; a finished one that broke one ranks by how far it did.
        TrialState.Running => constantLiar ? new RankKey(3, 0, 0, 0) : null,
        TrialState.Complete or TrialState.Pruned when Violation(trial.Constraints) is > 0 and var violation =>
            new RankKey(2, 0, violation, 0),
        TrialState.Complete when objectives > 1 =>
            trial.Values is { } vector && vector.Count == objectives && AllFinite(vector) ? new RankKey(0, 0, 0, 0) : null,
        TrialState.Complete when trial.Value is { } value && double.IsFinite(value) => new RankKey(0, 0, sign * value, 0),
        TrialState.Pruned when trial.LastIntermediate is { } last && double.IsFinite(last.Value) =>
            new RankKey(1, -last.Step, sign * last.Value, 0),
        TrialState.Pruned => new RankKey(1, long.MaxValue, 0, 0),
        _ => null,
    };

    /// <summary>The total violation of a trial's constraints: the sum of the values above 0 (0 without any).</summary>
    private static double Violation(IReadOnlyList<ConstraintValue>? constraints)
    {
        var total = 0.0;
        for (var i = 0; i < (constraints?.Count ?? 0); i++)
        {
            total += Math.Max(constraints![i].Value, 0);
        }

        return total;
    }

    private static bool AllFinite(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Class (complete, pruned, infeasible, running), then negated last step for pruned trials, then value (total
    // violation for infeasible trials); ties by number.
    internal readonly record struct RankKey(int Class, long Step, double Value, int Index) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var c = Class.CompareTo(other.Class);
            if (c == 0)
            {
                c = Step.CompareTo(other.Step);
            }

            if (c == 0)
            {
                c = Value.CompareTo(other.Value);
            }

            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    /// <summary>Per trial number, the trial's point and its coordinates.</summary>
    internal sealed class CoordinateCache
    {
        private readonly List<Entry> entries = [];
        private readonly KeyOrder completeOrder = new();
        private readonly List<double> completeKeys = [];
        private readonly List<Recalled?> recalled = [];
        private CoordinateOrder? order;

        /// <summary>What the last read of this cache made of each record it was shown, by position.</summary>
        public LastRead Last { get; } = new();

        /// <summary>Held by the caller around every other member.</summary>
        public Lock Gate { get; } = new();

        /// <summary>Counts the changes of cached coordinates, so that a reader can tell whether the orders it
        /// reads still match the coordinates it was handed.</summary>
        public int Version { get; private set; }

        /// <summary>The coordinates of <paramref name="trial"/>, and whether none of them is NaN.</summary>
        public (double[] Coordinates, bool EverywhereActive) Get(SearchSpace space, TrialRecord trial)
        {
            while (entries.Count <= trial.Number)
            {
                entries.Add(default);
            }

            // A storage usually hands out the same point object in every snapshot: a reference check settles
            // it. Otherwise the values are compared, which is still far cheaper than converting them (logs).
            var entry = entries[trial.Number];
            if (ReferenceEquals(entry.Source, trial.Point) && entry.Coordinates is not null)
            {
                return (entry.Coordinates, entry.EverywhereActive);
            }

            if (entry.Values is null || entry.Coordinates is null || !SameValues(entry.Values, trial.Point))
            {
                double[] values = [.. trial.Point];
                var old = entry.Coordinates;
                var converted = Convert(space, values);
                entry = new Entry(trial.Point, values, converted, Array.TrueForAll(converted, c => !double.IsNaN(c)));
                (order ??= new CoordinateOrder(space)).Replace(trial.Number, old, entry.Coordinates!);
                Version++;
            }
            else
            {
                entry = entry with { Source = trial.Point };
            }

            entries[trial.Number] = entry;
            return (entry.Coordinates!, entry.EverywhereActive);
        }

        /// <summary>Records the ranking value of trial <paramref name="number"/>: its signed value when it is
        /// complete, null otherwise.</summary>
        public void Rank(int number, double? key)
        {
            var listed = number < completeKeys.Count ? completeKeys[number] : double.NaN;
            if (key == listed)
            {
                return;
            }

            if (!double.IsNaN(listed))
            {
                completeOrder.Remove(listed, number);
            }

            while (completeKeys.Count <= number)
            {
                completeKeys.Add(double.NaN);
            }

            completeKeys[number] = key ?? double.NaN;
            if (key is { } value)
            {
                completeOrder.Insert(value, number);
            }
        }

        /// <summary>What reading <paramref name="trial"/> gave last time under the same ranking (its key, null when it
        /// was left out, its coordinates), when it is the very record read last time for its number and nothing was
        /// read for that number since; null otherwise. A storage hands out the same record object until the trial
        /// changes, and most of a long study's trials are finished and never change, so a proposal at trial 1,000
        /// need not rank, look up and list again the 999 records the previous proposal read.</summary>
        public Recalled? Recall(TrialRecord trial, double sign, bool constantLiar, int objectives) =>
            trial.Number < recalled.Count && recalled[trial.Number] is { } last && ReferenceEquals(last.Record, trial)
                && last.Sign == sign && last.ConstantLiar == constantLiar && last.Objectives == objectives
                ? last
                : null;

        /// <summary>Records what reading <paramref name="trial"/> just gave (after <see cref="Get"/> and
        /// <see cref="Rank"/> for it, or <see cref="Rank"/> alone for a trial left out), for <see cref="Recall"/>;
        /// with <paramref name="forget"/>, that nothing is to be recalled for its number (the trial being proposed:
        /// it was left out for its number, not for its record).</summary>
        public void Remember(TrialRecord trial, double sign, bool constantLiar, int objectives, bool forget,
            RankKey? key, double[]? coordinates, bool everywhereActive)
        {
            while (recalled.Count <= trial.Number)
            {
                recalled.Add(null);
            }

            recalled[trial.Number] = forget ? null : new Recalled(trial, sign, constantLiar, objectives, key, coordinates, everywhereActive);
        }

        /// <summary>Per trial number, the index of the trial with <paramref name="coordinates"/> (as just handed
        /// out by <see cref="Get"/>) that has it, or -1; <paramref name="numbers"/> gives each index's number.</summary>
        public int[] IndexOfNumber(ReadOnlySpan<int> numbers, double[]?[] coordinates)
        {
            var indexOfNumber = new int[entries.Count];
            Array.Fill(indexOfNumber, -1);
            for (var t = 0; t < numbers.Length; t++)
            {
                if (coordinates[t] is not null)
                {
                    indexOfNumber[numbers[t]] = t;
                }
            }

            return indexOfNumber;
        }

        /// <summary>Fills <paramref name="ranked"/> with the indices of the complete trials just ranked (see
        /// <see cref="Rank"/>), best first, ties by number; false when the standing order does not hold exactly
        /// that many of the trials <paramref name="indexOfNumber"/> maps.</summary>
        public bool RankComplete(int[] indexOfNumber, Span<int> ranked)
        {
            var count = 0;
            foreach (var number in completeOrder.Numbers)
            {
                if (number < indexOfNumber.Length && indexOfNumber[number] >= 0)
                {
                    if (count == ranked.Length)
                    {
                        return false;
                    }

                    ranked[count++] = indexOfNumber[number];
                }
            }

            return count == ranked.Length;
        }

        /// <summary>The numbers of the cached trials with a coordinate in dimension <paramref name="d"/> (a numeric
        /// one), in coordinate order, ties by number.</summary>
        public ReadOnlySpan<int> NumbersByCoordinate(int d) => order is null ? [] : order.Numbers(d);

        /// <summary>The coordinates of <see cref="NumbersByCoordinate"/>, item by item.</summary>
        public ReadOnlySpan<double> KeysByCoordinate(int d) => order is null ? [] : order.Keys(d);

        /// <summary>Where trial <paramref name="number"/> with coordinate <paramref name="coordinate"/> is (or would
        /// be) in <see cref="NumbersByCoordinate"/> of dimension <paramref name="d"/>.</summary>
        public int FindByCoordinate(int d, double coordinate, int number) => order is null ? 0 : order.Find(d, coordinate, number);

        private static bool SameValues(double[] cached, IReadOnlyList<double> point)
        {
            for (var i = 0; i < cached.Length; i++)
            {
                if (!cached[i].Equals(point[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A record as read, under the ranking's parameters, and what reading it gave.</summary>
        internal sealed record Recalled(TrialRecord Record, double Sign, bool ConstantLiar, int Objectives, RankKey? Key,
            double[]? Coordinates, bool EverywhereActive);

        private readonly record struct Entry(IReadOnlyList<double>? Source, double[]? Values, double[]? Coordinates,
            bool EverywhereActive);

        private static double[] Convert(SearchSpace space, double[] point)
        {
            var coordinates = new double[point.Length];
            for (var i = 0; i < coordinates.Length; i++)
            {
                var value = point[i];
                var dimension = space.Dimensions[i];
                coordinates[i] = double.IsNaN(value) || dimension.Kind == DimensionKind.Categorical ? value : dimension.ToUnit(value);
            }

            return coordinates;
        }
    }

    /// <summary>
    /// What the last read of a coordinate cache made of each record it was shown, by position in the list: the
    /// record, its number, rank key (null when left out), coordinates, whether it is active everywhere and finished,
    /// and its losses. The next read takes over every position that holds the very same record object, so a proposal
    /// at trial 1,000 reads again only the records that are new or were replaced (a trial finished, was pruned or
    /// failed) instead of all of them.
    /// </summary>
    /// <remarks>
    /// A position is taken over only when the last read closed normally, ranked under the same direction, constant
    /// liar setting and objective count, saw its trials in strictly increasing number order (so each number was read
    /// once, and what it recorded for a number is still what the cache recalls for it), and neither read proposes that
    /// position's trial (the trial being proposed is left out for its number, not for its record). Otherwise the
    /// position is read as a first read would; the cache is per sampler and space, and every read of it goes through
    /// here under its gate, so another study's read in between replaces the records and nothing is taken over.
    /// </remarks>
    internal sealed class LastRead
    {
        private bool closed;
        private double sign;
        private bool constantLiar;
        private int objectives;

        /// <summary>Per position, the record read there.</summary>
        public TrialRecord?[] Records { get; private set; } = [];

        /// <summary>Per position, the record's trial number.</summary>
        public int[] Numbers { get; private set; } = [];

        /// <summary>Per position, the record's rank key, or null when it was left out.</summary>
        public RankKey?[] Keys { get; private set; } = [];

        /// <summary>Per position, the record's coordinates, or null when it was left out.</summary>
        public double[]?[] Coordinates { get; private set; } = [];

        /// <summary>Per position, whether the record has a coordinate in every dimension.</summary>
        public bool[] EverywhereActive { get; private set; } = [];

        /// <summary>Per position, whether the record was taken into account and has finished.</summary>
        public bool[] Finished { get; private set; } = [];

        /// <summary>Per position, the loss vector of a complete feasible trial in a study of several objectives;
        /// null in a single-objective study.</summary>
        public double[]?[]? Losses { get; private set; }

        /// <summary>How many positions the last read had.</summary>
        public int Count { get; private set; }

        /// <summary>The number of the trial the last read proposed.</summary>
        public int Proposed { get; private set; } = -1;

        /// <summary>Whether the last read saw its trials in strictly increasing number order.</summary>
        public bool Increasing { get; private set; }

        /// <summary>How many leading positions a read under these settings may take over (0 when none), and marks
        /// the read as open until <see cref="Close"/>: a read that throws leaves nothing to take over.</summary>
        public int Reusable(double sign, bool constantLiar, int objectives, int count)
        {
            var reusable = closed && Increasing && sign == this.sign && constantLiar == this.constantLiar
                && objectives == this.objectives ? Math.Min(Count, count) : 0;
            closed = false;
            return reusable;
        }

        /// <summary>Makes room for <paramref name="count"/> positions, keeping those there are.</summary>
        public void Reserve(int count, int objectives)
        {
            if (objectives <= 1)
            {
                Losses = null;
            }
            else if (Losses is null || Losses.Length < Records.Length)
            {
                Losses = Grown(Losses ?? [], Records.Length);
            }

            if (count <= Records.Length)
            {
                return;
            }

            var capacity = Math.Max(count, 2 * Records.Length);
            Records = Grown(Records, capacity);
            Numbers = Grown(Numbers, capacity);
            Keys = Grown(Keys, capacity);
            Coordinates = Grown(Coordinates, capacity);
            EverywhereActive = Grown(EverywhereActive, capacity);
            Finished = Grown(Finished, capacity);
            Losses = Losses is null ? null : Grown(Losses, capacity);
        }

        /// <summary>Ends a read of <paramref name="count"/> positions, every one of them now filled.</summary>
        public void Close(int count, double sign, bool constantLiar, int objectives, int proposed)
        {
            // Positions past the end are dropped, so that the cache does not keep their records alive.
            var stale = Math.Max(Count - count, 0);
            Array.Clear(Records, count, stale);
            Array.Clear(Keys, count, stale);
            Array.Clear(Coordinates, count, stale);
            if (Losses is not null)
            {
                Array.Clear(Losses, count, stale);
            }

            var increasing = true;
            for (var t = 1; t < count; t++)
            {
                increasing &= Numbers[t] > Numbers[t - 1];
            }

            (Count, Increasing, Proposed) = (count, increasing, proposed);
            (this.sign, this.constantLiar, this.objectives, closed) = (sign, constantLiar, objectives, true);
        }

        private static T[] Grown<T>(T[] array, int capacity)
        {
            var grown = new T[capacity];
            Array.Copy(array, grown, Math.Min(array.Length, capacity));
            return grown;
        }
    }
}
