using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tuning;

/// <summary>
/// Scores a hyperparameter configuration by k-fold cross-validation inside the training data (never the sealed test
/// split): the pipeline is the featurizer followed by the trainer the configuration builds, fitted on k - 1 folds and
/// scored on the remaining one, k times. After each fold the running mean is reported to the trial
/// (<c>trial.Report(step, runningMean)</c>) and the pruner consulted, so a bad trial stops after its first folds.
/// The objective value is the mean over folds; every trial's fold scores, standard deviation and (for binary
/// classifiers, on request) decision threshold are kept in <see cref="Results"/>.
/// </summary>
/// <typeparam name="T">The hyperparameter record.</typeparam>
public sealed class CrossValidatedObjective<T>
{
    private readonly MLContext ml;
    private readonly IEstimator<ITransformer> featurizer;
    private readonly Func<T, IEstimator<ITransformer>> trainer;
    private readonly IReadOnlyList<Fold> folds;
    private readonly double[] fractions;
    private readonly ThresholdGoal? thresholdGoal;
    private readonly ConcurrentDictionary<int, CrossValidationResult> results = new();

    /// <summary>Prepares the folds once; every evaluation reuses them.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="train">The training rows (e.g. <see cref="SealedSplit.Train"/>), with the file's columns.</param>
    /// <param name="featurizer">Turns the file's columns into the trainer's inputs (e.g. <see cref="CsvDataset.Featurize"/>).</param>
    /// <param name="trainer">Builds the trainer for a configuration.</param>
    /// <param name="metric">What a fold is scored by; its direction must be the study's.</param>
    /// <param name="options">Folds, seed, stratification, fidelity and threshold tuning.</param>
    /// <exception cref="ArgumentException">Threshold tuning for a non-binary metric, training fractions outside (0, 1]
    /// or not increasing to 1, or too few rows for the folds.</exception>
    public CrossValidatedObjective(MLContext ml, IDataView train, IEstimator<ITransformer> featurizer,
        Func<T, IEstimator<ITransformer>> trainer, TaskMetric metric, CrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(metric);
        options ??= new CrossValidationOptions();
        if (options.Threshold is not null && metric.Task != TaskKind.Binary)
        {
            throw new ArgumentException($"Threshold tuning is for binary classifiers; the metric {metric} is for {metric.Task}.", nameof(options));
        }

        fractions = [.. options.TrainingFractions ?? [1.0]];
        if (fractions.Length == 0 || fractions.Any(f => !(f > 0 && f <= 1)) || fractions[^1] != 1
            || fractions.Zip(fractions.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException(
                $"TrainingFractions [{string.Join(", ", fractions)}] must increase strictly within (0, 1] and end with 1.", nameof(options));
        }

        this.ml = ml;
        this.featurizer = featurizer;
        this.trainer = trainer;
        Metric = metric;
        FoldCount = options.Folds;
        thresholdGoal = options.Threshold;

        // Cached once: every fold of every trial reads the same rows, and the cache keeps row positions stable.
        var cached = ml.Data.Cache(train);
        var rows = checked((int)(cached.GetRowCount() ?? cached.Preview(int.MaxValue).RowView.Length));
        var labels = options.StratifyBy is null ? null : ColumnReader.ReadAsText(cached, options.StratifyBy);
        var assignment = FoldAssignment.Assign(rows, options.Folds, options.Seed, labels);
        FoldOfRow = assignment;
        // One random rank per row makes the fractions nested: the rows of a smaller fraction are among the larger's.
        var rank = new Random(options.Seed + 1);
        var ranks = Enumerable.Range(0, rows).Select(_ => rank.NextDouble()).ToArray();
        folds = [.. Enumerable.Range(0, options.Folds).Select(f => new Fold(
            [.. fractions.Select(fraction => (IDataView)new RowMaskDataView(cached,
                [.. assignment.Select((a, row) => a != f && ranks[row] < fraction)]))],
            new RowMaskDataView(cached, [.. assignment.Select(a => a == f)])))];
    }

    /// <summary>The metric each fold is scored by.</summary>
    public TaskMetric Metric { get; }

    /// <summary>The fold (0 to k - 1) each training row is validated in, in the order of the training rows: the same for
    /// every trial, and recorded so another tool can be cross-validated on exactly these folds.</summary>
    public IReadOnlyList<int> FoldOfRow { get; }

    /// <summary>Number of folds (k).</summary>
    public int FoldCount { get; }

    /// <summary>How many steps a full trial reports: folds times training fractions. The maximum resource for
    /// Hyperband or successive halving.</summary>
    public int Steps => FoldCount * fractions.Length;

    /// <summary>The results of the trials this objective evaluated, by trial number (pruned trials hold the folds they
    /// finished).</summary>
    public IReadOnlyDictionary<int, CrossValidationResult> Results => results;

    /// <summary>The objective to pass to <c>Study.OptimizeAsync</c>: the mean over folds.</summary>
    /// <exception cref="TrialPrunedException">The pruner stopped the trial after a fold.</exception>
    public ValueTask<double> RunAsync(T config, Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var result = Evaluate(config, trial, cancellationToken);
        return ValueTask.FromResult(result.Mean);
    }

    /// <summary>Cross-validates <paramref name="config"/>; with a <paramref name="trial"/>, reports each fold and
    /// stops when the trial should be pruned.</summary>
    /// <exception cref="TrialPrunedException">The trial should be pruned; its partial result is in <see cref="Results"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled between folds.</exception>
    public CrossValidationResult Evaluate(T config, Trial? trial = null, CancellationToken cancellationToken = default)
    {
        var step = 0L;
        var scores = new List<double>();
        var probabilities = new List<double>();
        var labels = new List<bool>();
        for (var rung = 0; rung < fractions.Length; rung++)
        {
            scores.Clear();
            var last = rung == fractions.Length - 1;
            foreach (var fold in folds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pipeline = featurizer.Append(trainer(config));
                var scored = pipeline.Fit(fold.Train[rung]).Transform(fold.Validation);
                scores.Add(Metric.Score(ml, scored));
                if (last && thresholdGoal is not null)
                {
                    CollectProbabilities(scored, probabilities, labels);
                }

                step++;
                if (trial is not null)
                {
                    trial.Report(step, scores.Average());
                    if (trial.ShouldPrune)
                    {
                        results[trial.Number] = new CrossValidationResult([.. scores]);
                        throw new TrialPrunedException(
                            $"Pruned after fold {scores.Count} of {FoldCount} (training fraction {fractions[rung]}): running mean {Metric} {scores.Average():G4}.");
                    }
                }
            }
        }

        var threshold = thresholdGoal is null ? null : ThresholdTuner.Choose(probabilities, labels, thresholdGoal);
        var result = new CrossValidationResult([.. scores], threshold);
        if (trial is not null)
        {
            results[trial.Number] = result;
        }

        return result;
    }

    private static void CollectProbabilities(IDataView scored, List<double> probabilities, List<bool> labels)
    {
        var label = scored.Schema["Label"];
        var probability = scored.Schema["Probability"];
        using var cursor = scored.GetRowCursor([label, probability]);
        var getLabel = cursor.GetGetter<bool>(label);
        var getProbability = cursor.GetGetter<float>(probability);
        bool l = default;
        float p = default;
        while (cursor.MoveNext())
        {
            getLabel(ref l);
            getProbability(ref p);
            labels.Add(l);
            probabilities.Add(p);
        }
    }

    private sealed record Fold(IReadOnlyList<IDataView> Train, IDataView Validation);
}
