using System.Globalization;

namespace Dials.MultiObjective;

/// <summary>
/// A rule that picks one configuration from a multi-objective study's Pareto front, naming objectives by name: the best
/// front trial in one objective (<see cref="Best"/>) or the lowest weighted sum of the objectives (<see cref="WeightedSum"/>),
/// in either case among the front trials within the bounds <see cref="Where"/> sets. It is what <c>Tuning:Select</c>
/// configures, and it says in words what it does (<see cref="Describe"/>) and why a trial was chosen
/// (<see cref="ParetoChoice{T}.Reason"/>).
/// </summary>
/// <example>
/// <code>
/// NamedObjective[] objectives = [new("rmse", Direction.Minimize), new("latency", Direction.Minimize)];
/// var selection = ParetoSelection.Best(objectives, "rmse").Where("latency", atMost: 5);
/// var choice = selection.Pick(result);   // result: the study's StudyResult&lt;T&gt;
/// Console.WriteLine($"{selection.Describe()}: {choice.Reason}");
/// </code>
/// </example>
/// <remarks>The best trial of the whole study under such a rule is always on the front (a trial that dominates another
/// is at least as good in every objective, so within any bounds that admit the other it is admitted too and no worse),
/// so picking from the front loses nothing. Ties go to the lowest-numbered trial.</remarks>
public sealed class ParetoSelection
{
    private readonly int target;
    private readonly double[]? weights;
    private readonly Bound[] bounds;

    private ParetoSelection(IReadOnlyList<NamedObjective> objectives, int target, double[]? weights, Bound[] bounds)
    {
        Objectives = objectives;
        this.target = target;
        this.weights = weights;
        this.bounds = bounds;
    }

    /// <summary>The study's objectives, in the order of its directions.</summary>
    public IReadOnlyList<NamedObjective> Objectives { get; }

    /// <summary>Picks the front trial best in <paramref name="objective"/> (the lowest value of a minimised objective,
    /// the highest of a maximised one).</summary>
    /// <param name="objectives">The study's objectives, in the order of its directions; names must differ.</param>
    /// <param name="objective">The name of the objective to optimize.</param>
    /// <exception cref="ArgumentException">The names are empty or repeated, or <paramref name="objective"/> is not one
    /// of them; the message lists them.</exception>
    public static ParetoSelection Best(IReadOnlyList<NamedObjective> objectives, string objective)
    {
        Check(objectives);
        return new ParetoSelection([.. objectives], IndexOf(objectives, objective, nameof(objective)), null, []);
    }

    /// <summary>Picks the front trial with the lowest weighted sum of its losses: each objective's value times its
    /// weight, with a maximised objective's value counted negative (so a larger value lowers the sum). Objectives not
    /// named weigh 0. Put objectives on comparable scales with the weights (0.01 per microsecond of latency against 1
    /// per unit of RMSE).</summary>
    /// <param name="objectives">The study's objectives, in the order of its directions; names must differ.</param>
    /// <param name="weights">A weight per objective name, each finite and at least 0, at least one above 0.</param>
    /// <exception cref="ArgumentException">A name is unknown, or a weight is negative or not finite, or all are 0.</exception>
    public static ParetoSelection WeightedSum(IReadOnlyList<NamedObjective> objectives, IReadOnlyDictionary<string, double> weights)
    {
        Check(objectives);
        ArgumentNullException.ThrowIfNull(weights);
        var vector = new double[objectives.Count];
        foreach (var (name, weight) in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"The weight of {name} is {Text(weight)}; weights must be finite and at least 0.", nameof(weights));
            }

            vector[IndexOf(objectives, name, nameof(weights))] = weight;
        }

        if (vector.All(w => w == 0))
        {
            throw new ArgumentException("Every weight is 0; give at least one objective a positive weight.", nameof(weights));
        }

        return new ParetoSelection([.. objectives], -1, vector, []);
    }

    /// <summary>The same rule among the front trials whose <paramref name="objective"/> is within the bounds (both
    /// inclusive); several calls add up ("latency at most 5 and size at most 2e6").</summary>
    /// <param name="objective">The name of the objective bounded.</param>
    /// <param name="atMost">The largest value allowed; null for none.</param>
    /// <param name="atLeast">The smallest value allowed; null for none.</param>
    /// <returns>A new selection; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The name is unknown, no bound is given, a bound is not finite, or
    /// <paramref name="atLeast"/> is above <paramref name="atMost"/>.</exception>
    public ParetoSelection Where(string objective, double? atMost = null, double? atLeast = null)
    {
        var index = IndexOf(Objectives, objective, nameof(objective));
        if (atMost is null && atLeast is null)
        {
            throw new ArgumentException($"The bound on {objective} gives neither atMost nor atLeast.", nameof(objective));
        }

        if ((atMost is { } most && !double.IsFinite(most)) || (atLeast is { } least && !double.IsFinite(least)))
        {
            throw new ArgumentException($"The bounds on {objective} must be finite numbers.", nameof(objective));
        }

        if (atMost < atLeast)
        {
            throw new ArgumentException($"The bound on {objective} admits nothing: at least {Text(atLeast!.Value)} and at most {Text(atMost!.Value)}.", nameof(objective));
        }

        return new ParetoSelection(Objectives, target, weights, [.. bounds, new Bound(index, atMost, atLeast)]);
    }

    /// <summary>The rule in words, for logs, reports and model cards: <c>the lowest rmse with latency at most 5</c>, or
    /// <c>the lowest weighted sum 1 x rmse + 0.01 x latency</c>.</summary>
    public string Describe() => Goal() + Conditions(" with ");

    /// <summary>Picks the trial of <paramref name="result"/>'s Pareto front this rule prefers.</summary>
    /// <typeparam name="T">The hyperparameter type.</typeparam>
    /// <param name="result">The result of a study whose directions are those of <see cref="Objectives"/>.</param>
    /// <returns>The chosen trial and why.</returns>
    /// <exception cref="ArgumentException">The study's directions are not those of <see cref="Objectives"/>, or it
    /// stored objective names other than theirs.</exception>
    /// <exception cref="InvalidOperationException">The front is empty, or no front trial is within the bounds; the
    /// message says so and, for bounds, the range each bounded objective takes on the front.</exception>
    public ParetoChoice<T> Pick<T>(StudyResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Directions.SequenceEqual(Objectives.Select(o => o.Direction)))
        {
            throw new ArgumentException(
                $"Study '{result.StudyName}' has directions ({string.Join(", ", result.Directions)}) but the selection names " +
                $"{Objectives.Count} objectives ({string.Join(", ", Objectives.Select(o => $"{o.Name} {o.Direction}"))}).", nameof(result));
        }

        // Names the study stored must be the selection's: the same directions in another order would pick by the wrong value.
        if (result.ObjectiveNames is { } names && !names.SequenceEqual(Objectives.Select(o => o.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Study '{result.StudyName}' names its objectives ({string.Join(", ", names)}) but the selection names " +
                $"({string.Join(", ", Objectives.Select(o => o.Name))}).", nameof(result));
        }

        var front = result.ParetoFront;
        if (front.Count == 0)
        {
            throw new InvalidOperationException($"Study '{result.StudyName}' has no feasible complete trial, so its Pareto front is empty and nothing can be picked.");
        }

        var eligible = front.Where(t => bounds.All(b => b.Admits(t.Values[b.Objective]))).ToList();
        if (eligible.Count == 0)
        {
            var ranges = bounds.Select(b => b.Objective).Distinct().Select(i =>
                $"{Objectives[i].Name} from {Text(front.Min(t => t.Values[i]))} to {Text(front.Max(t => t.Values[i]))}");
            throw new InvalidOperationException(
                $"None of the {front.Count} trials on the Pareto front of study '{result.StudyName}' has {Conditions("")} " +
                $"(on the front: {string.Join("; ", ranges)}).");
        }

        var chosen = eligible[0];
        foreach (var trial in eligible.Skip(1))
        {
            if (Score(trial.Values) < Score(chosen.Values))
            {
                chosen = trial;
            }
        }

        var figure = weights is null ? Text(chosen.Values[target]) : Text(Score(chosen.Values));
        var among = bounds.Length == 0
            ? $"the {front.Count} trials on the Pareto front"
            : $"the {eligible.Count} Pareto-front trials{Conditions(" with ")} ({front.Count} on the front)";
        return new ParetoChoice<T>(chosen, $"trial {chosen.Number} has {Goal()} ({figure}) of {among}");
    }

    /// <summary>What the rule minimises, as a loss: the target's value (negated when maximised) or the weighted sum.</summary>
    private double Score(IReadOnlyList<double> values)
    {
        if (weights is null)
        {
            return Objectives[target].Direction == Direction.Minimize ? values[target] : -values[target];
        }

        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * (Objectives[i].Direction == Direction.Minimize ? values[i] : -values[i]);
        }

        return sum;
    }

    private string Goal()
    {
        if (weights is null)
        {
            return $"the {(Objectives[target].Direction == Direction.Minimize ? "lowest" : "highest")} {Objectives[target].Name}";
        }

        var terms = new List<string>();
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            var sign = Objectives[i].Direction == Direction.Minimize ? "+" : "-";
            var term = $"{Text(weights[i])} x {Objectives[i].Name}";
            terms.Add(terms.Count == 0 ? (sign == "+" ? term : "- " + term) : $"{sign} {term}");
        }

        return "the lowest weighted sum " + string.Join(" ", terms);
    }

    private string Conditions(string lead) => bounds.Length == 0 ? "" : lead + string.Join(" and ", bounds.Select(b => b.Describe(Objectives[b.Objective].Name)));

    private static void Check(IReadOnlyList<NamedObjective> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count == 0)
        {
            throw new ArgumentException("A selection needs the study's objectives; none were given.", nameof(objectives));
        }

        foreach (var objective in objectives)
        {
            ArgumentNullException.ThrowIfNull(objective, nameof(objectives));
            ArgumentException.ThrowIfNullOrWhiteSpace(objective.Name, nameof(objectives));
        }

        if (objectives.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"The objective name {repeated.Key} is given {repeated.Count()} times; names must differ.", nameof(objectives));
        }
    }

    private static int IndexOf(IReadOnlyList<NamedObjective> objectives, string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        for (var i = 0; i < objectives.Count; i++)
        {
            if (string.Equals(objectives[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"{name} is not an objective of the study; the objectives are {string.Join(", ", objectives.Select(o => o.Name))}.", parameter);
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Inclusive bounds on one objective's value.</summary>
    private sealed record Bound(int Objective, double? AtMost, double? AtLeast)
    {
        public bool Admits(double value) => (AtMost is not { } most || value <= most) && (AtLeast is not { } least || value >= least);

        public string Describe(string name) => (AtMost, AtLeast) switch
        {
            ({ } most, { } least) => $"{name} from {Text(least)} to {Text(most)}",
            ({ } most, null) => $"{name} at most {Text(most)}",
            _ => $"{name} at least {Text(AtLeast!.Value)}",
        };
    }
}
