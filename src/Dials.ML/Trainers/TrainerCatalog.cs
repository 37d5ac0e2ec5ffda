using System.Diagnostics.CodeAnalysis;

namespace Dials.ML.Trainers;

/// <summary>
/// Which trainers each task offers, their names, what input they read, and the <see cref="TrainerSearch"/> space of
/// one task. Trees serve every task (multiclass FastTree and FastForest by one-versus-all); L-BFGS has no regression
/// form here (ML.NET's is Poisson regression, wrong for negative labels), and GAM none for multiclass.
/// </summary>
public static class TrainerCatalog
{
    private static readonly TrainerKind[] Binary =
        [TrainerKind.LightGbm, TrainerKind.FastTree, TrainerKind.FastForest, TrainerKind.Sdca, TrainerKind.Lbfgs, TrainerKind.Gam];

    private static readonly TrainerKind[] Multiclass =
        [TrainerKind.LightGbm, TrainerKind.FastTree, TrainerKind.FastForest, TrainerKind.Sdca, TrainerKind.Lbfgs];

    private static readonly TrainerKind[] Regression =
        [TrainerKind.LightGbm, TrainerKind.FastTree, TrainerKind.FastForest, TrainerKind.Sdca, TrainerKind.Gam];

    /// <summary>The trainers that serve <paramref name="task"/>, LightGBM first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined task.</exception>
    public static IReadOnlyList<TrainerKind> For(TaskKind task) => task switch
    {
        TaskKind.Binary => Binary,
        TaskKind.Multiclass => Multiclass,
        TaskKind.Regression => Regression,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>Whether <paramref name="trainer"/> serves <paramref name="task"/>.</summary>
    public static bool Offers(TaskKind task, TrainerKind trainer) => For(task).Contains(trainer);

    /// <summary>The name people know a trainer by, for reports and the model card: LightGBM, FastTree, FastForest,
    /// SDCA, L-BFGS, GAM.</summary>
    public static string DisplayName(TrainerKind trainer) => trainer switch
    {
        TrainerKind.LightGbm => "LightGBM",
        TrainerKind.Sdca => "SDCA",
        TrainerKind.Lbfgs => "L-BFGS",
        TrainerKind.Gam => "GAM",
        _ => trainer.ToString(),
    };

    /// <summary>The name a <c>--trainers</c> flag takes: the kind in lower case (<c>lightgbm</c>, <c>lbfgs</c>).</summary>
    public static string FlagName(TrainerKind trainer) => trainer.ToString().ToLowerInvariant();

    /// <summary>
    /// Whether the trainer copes with featurized text: long, sparse vectors of n-gram counts. False for GAM, which
    /// bins every feature and fits a shape function to each, so it wants a few dense numeric features.
    /// </summary>
    public static bool ReadsText(TrainerKind trainer) => trainer != TrainerKind.Gam;

    /// <summary>
    /// The <see cref="TrainerSearch"/> space of one task: its <c>Trainer</c> choice narrowed to the task's trainers,
    /// or to those of them in <paramref name="only"/>, in catalog order. The nested settings of the trainers left
    /// out stay in the space but are never active. When LightGBM is left out, the default point is the first
    /// trainer kept.
    /// </summary>
    /// <param name="task">What is predicted.</param>
    /// <param name="only">A subset of the task's trainers (for example from <see cref="TryParse"/>); null for all.</param>
    /// <exception cref="ArgumentException"><paramref name="only"/> is empty or names a trainer the task does not offer.</exception>
    public static SearchSpace<TrainerSearch> Space(TaskKind task, IReadOnlyCollection<TrainerKind>? only = null)
    {
        var offered = For(task);
        if (only is not null)
        {
            if (only.Count == 0)
            {
                throw new ArgumentException("At least one trainer is needed.", nameof(only));
            }

            foreach (var trainer in only.Where(t => !offered.Contains(t)))
            {
                throw new ArgumentException(NotOffered(trainer, task), nameof(only));
            }
        }

        var kept = offered.Where(t => only is null || only.Contains(t)).Cast<object>().ToArray();
        return TrainerSearch.SearchSpace.Narrow(nameof(TrainerSearch.Trainer), choices: kept);
    }

    /// <summary>
    /// Reads a comma-separated list of trainer names (a <c>--trainers lightgbm,sdca</c> flag): flag or display names,
    /// any case, hyphens and underscores ignored, repeats dropped.
    /// </summary>
    /// <param name="text">The names.</param>
    /// <param name="task">The task the trainers must serve.</param>
    /// <param name="kinds">The trainers in the order named; empty when the text is not valid.</param>
    /// <param name="problem">Null on success, else one sentence naming the unknown or unsuitable trainer and listing
    /// the valid names for the task.</param>
    /// <returns>Whether every name is a trainer the task offers.</returns>
    public static bool TryParse(string text, TaskKind task, out IReadOnlyList<TrainerKind> kinds, [NotNullWhen(false)] out string? problem)
    {
        kinds = [];
        var offered = For(task);
        var valid = $"trainers for {Name(task)}: {string.Join(", ", offered.Select(FlagName))}";
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            problem = $"No trainer named; {valid}.";
            return false;
        }

        var parsed = new List<TrainerKind>();
        foreach (var name in names)
        {
            var key = Normalize(name);
            var match = Enum.GetValues<TrainerKind>().Where(t => Normalize(FlagName(t)) == key || Normalize(DisplayName(t)) == key).ToArray();
            if (match.Length == 0)
            {
                problem = $"Unknown trainer '{name}'; {valid}.";
                return false;
            }

            if (!offered.Contains(match[0]))
            {
                problem = NotOffered(match[0], task);
                return false;
            }

            if (!parsed.Contains(match[0]))
            {
                parsed.Add(match[0]);
            }
        }

        kinds = parsed;
        problem = null;
        return true;
    }

    /// <summary>The sentence saying a trainer does not serve a task, with the task's trainers.</summary>
    internal static string NotOffered(TrainerKind trainer, TaskKind task) =>
        $"{DisplayName(trainer)} ('{FlagName(trainer)}') has no {Name(task)} form; trainers for {Name(task)}: {string.Join(", ", For(task).Select(FlagName))}.";

    private static string Name(TaskKind task) => task.ToString().ToLowerInvariant();

    private static string Normalize(string name) =>
        new([.. name.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);
}
