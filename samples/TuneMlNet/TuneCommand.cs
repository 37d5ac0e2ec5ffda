using Dials.Catalogs;
using System.CommandLine;
using Dials.ML;
using Spectre.Console;

namespace TuneMlNet;

/// <summary>
/// The command line: parses and checks the options, then runs <see cref="TuneJob"/> (or <see cref="SamplerComparison"/>
/// with <c>--compare</c>). Bad input of any kind ends with a message on standard error and exit code 2; a data
/// problem found while loading ends with exit code 3.
/// </summary>
public static class TuneCommand
{
    /// <summary>Exit code for options that cannot be used.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a data file that cannot be used (a missing column, a label with one class, an all-missing
    /// column): bad input, like an option, so the same code.</summary>
    public const int DataError = 2;

    /// <summary>The default number of trials in the study (measured on two shared cores: 83 to 134 s on the diabetes data
    /// with every trainer searched by the automatic sampler; see docs/benchmarks.md).</summary>
    public const int DefaultTrials = 200;

    /// <summary>Runs the command with <paramref name="args"/>, writing results and progress to
    /// <paramref name="console"/> and errors, as plain <c>error: ...</c> lines, to <paramref name="errors"/>.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "data", "diabetes.csv");
        var data = new Option<string?>("--data") { Description = "CSV file with a header row (quoted values allowed); column kinds are inferred (numeric, categorical, text, identifiers ignored) and printed. Default: the shipped diabetes data." };
        var label = new Option<string?>("--label") { Description = "The label column (required with --data)." };
        var task = new Option<string?>("--task") { Description = "binary | multiclass | regression (required with --data)." };
        var trials = new Option<int>("--trials") { Description = "Total trials in the study, counting those of earlier runs in the same storage.", DefaultValueFactory = _ => DefaultTrials };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds after which no new trial starts in this run." };
        var storage = new Option<string?>("--storage") { Description = "Where the study lives: PATH or journal:PATH (a journal file), sqlite:PATH, or postgres:CONNECTION-STRING. Re-running with it resumes. Default: runs/<data name>.jsonl in the working directory." };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, folds, sampler and trainer.", DefaultValueFactory = _ => 0 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var compare = new Option<int?>("--compare") { Description = "Benchmark instead of tuning: this many seeds, the --samplers at equal budget, each tuned model and the defaults on each seed's test split." };
        var names = string.Join(", ", SamplerCatalog.All.Names);
        var sampler = new Option<string>("--sampler") { Description = $"The sampler: {names}. The default, auto, picks a GP or TPE from the space and the study's progress.", DefaultValueFactory = _ => SamplerCatalog.DefaultKind };
        var samplers = new Option<string>("--samplers") { Description = $"With --compare: the samplers compared, separated by commas, the first against each other one ({names}).", DefaultValueFactory = _ => "auto,tpe" };
        var objectivesOption = new Option<string?>("--objectives") { Description = "Several objectives, separated by commas: the task's metric (rmse, auc or log-loss) and latency (prediction time per row, microseconds) and/or size (saved model bytes), e.g. rmse,latency. Prints the Pareto front." };
        var maxLatency = new Option<double?>("--max-latency") { Description = "With latency in --objectives: choose the best metric among front points with latency at most this many microseconds per row." };
        var trainersOption = new Option<string?>("--trainers") { Description = "The trainers searched together with their settings, separated by commas (lightgbm, fasttree, fastforest, sdca, lbfgs, gam; which ones depends on the task). Default: every trainer the task offers." };
        var parallel = new Option<int>("--parallel") { Description = "Trials run at once, each trainer on one thread: the way to use more cores.", DefaultValueFactory = _ => 1 };
        var threads = new Option<string>("--threads") { Description = "Threads per trainer: auto (one; use --parallel for more cores), a number, or 0 for each library's own default (every core).", DefaultValueFactory = _ => "auto" };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to read as categories (comma-separated), whatever inference says." };
        var text = new Option<string?>("--text") { Description = "Columns to read as free text (FeaturizeText)." };
        var ignore = new Option<string?>("--ignore") { Description = "Columns to leave out of the features." };
        var numeric = new Option<string?>("--numeric") { Description = "Columns to read as numbers." };
        var settingsFile = new Option<string?>("--settings") { Description = $"A JSON file whose Columns section (Categorical, Text, Ignore, Numeric, MaxOneHotLevels) says how to read columns; the flags add to its lists. Default: {ColumnSettings.DefaultFile} in the working directory, when there is one." };
        var root = new RootCommand("Tune ML.NET trainers and their settings on a CSV file with Dials: cross-validated search with the automatic sampler and pruning, then one honest test evaluation and a saved model.")
        {
            data, label, task, trials, timeout, storage, seed, folds, sampler, compare, samplers, objectivesOption, maxLatency,
            trainersOption, parallel, threads, categorical, text, ignore, numeric, settingsFile,
        };

        var parsed = root.Parse(args);
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            return await parsed.InvokeAsync();
        }

        if (parsed.Errors.Count > 0)
        {
            return Fail(errors, UsageError, string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)));
        }

        var dataPath = parsed.GetValue(data);
        var labelName = parsed.GetValue(label) ?? (dataPath is null ? "progression" : null);
        var taskText = parsed.GetValue(task) ?? (dataPath is null ? "regression" : null);
        if (labelName is null)
        {
            return Fail(errors, UsageError, "--label is required with --data: name the column to predict.");
        }

        if (taskText is null || !Enum.TryParse<TaskKind>(taskText, ignoreCase: true, out var taskKind) || !Enum.IsDefined(taskKind))
        {
            return Fail(errors, UsageError, $"--task must be binary, multiclass or regression{(taskText is null ? " (required with --data)" : $", not '{taskText}'")}.");
        }

        if (parsed.GetValue(trials) < 1 || parsed.GetValue(folds) < 2 || parsed.GetValue(timeout) is <= 0)
        {
            return Fail(errors, UsageError, "--trials must be at least 1, --folds at least 2 and --timeout positive.");
        }

        if (parsed.GetValue(parallel) < 1)
        {
            return Fail(errors, UsageError, $"--parallel must be at least 1, not {parsed.GetValue(parallel)}.");
        }

        int? threadCount = null;
        if (parsed.GetValue(threads) is { } threadsText && !threadsText.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(threadsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return Fail(errors, UsageError, $"--threads must be auto, 0 or a positive number, not '{threadsText}'.");
            }

            threadCount = n;
        }

        IReadOnlyList<Dials.ML.Trainers.TrainerKind>? trainerKinds = null;
        if (parsed.GetValue(trainersOption) is { } trainersText)
        {
            if (!Dials.ML.Trainers.TrainerCatalog.TryParse(trainersText, taskKind, out var kinds, out var trainersProblem))
            {
                return Fail(errors, UsageError, "--trainers: " + trainersProblem);
            }

            trainerKinds = kinds;
        }

        var columnOverrides = ColumnSettings.Read(parsed.GetValue(settingsFile),
            (parsed.GetValue(categorical), parsed.GetValue(text), parsed.GetValue(ignore), parsed.GetValue(numeric)), out var columnsProblem);
        if (columnsProblem is not null)
        {
            return Fail(errors, UsageError, columnsProblem);
        }

        if (SamplerCatalog.All.Find(parsed.GetValue(sampler)!) is null)
        {
            return Fail(errors, UsageError, $"--sampler must be one of {names}, not '{parsed.GetValue(sampler)}'.");
        }

        if (parsed.GetValue(storage) is { } spec && !Dials.Storage.StorageLocation.TryParse(spec, out _, out var problem))
        {
            return Fail(errors, UsageError, "--storage: " + problem);
        }

        IReadOnlyList<JobObjective>? objectives = null;
        var samplerName = parsed.GetValue(sampler)!.ToLowerInvariant();
        if (parsed.GetValue(objectivesOption) is { } objectivesText)
        {
            objectives = JobObjectives.Parse(objectivesText, Dials.ML.Tuning.TaskMetric.DefaultFor(taskKind), out var objectivesProblem);
            if (objectives is null)
            {
                return Fail(errors, UsageError, objectivesProblem!);
            }

            if (objectives.Count > 1 && parsed.GetValue(compare) is not null)
            {
                return Fail(errors, UsageError, "--compare benchmarks samplers on one objective; leave out --objectives.");
            }

            if (objectives.Count > 1)
            {
                var kind = SeveralObjectivesSampler(samplerName, parsed.GetResult(sampler) is { Implicit: false }, out var refusal);
                if (kind is null)
                {
                    return Fail(errors, UsageError, refusal!);
                }

                samplerName = kind;
            }
        }

        if (parsed.GetValue(maxLatency) is { } latencyBound)
        {
            if (objectives is null || !objectives.Contains(JobObjective.Latency))
            {
                return Fail(errors, UsageError, "--max-latency needs latency among --objectives (for example --objectives rmse,latency).");
            }

            if (!double.IsFinite(latencyBound) || latencyBound <= 0)
            {
                return Fail(errors, UsageError, "--max-latency must be a positive number of microseconds per row.");
            }
        }

        dataPath ??= shipped;
        var settings = new TuneSettings(dataPath, labelName, taskKind, parsed.GetValue(trials),
            parsed.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            parsed.GetValue(storage) ?? Path.Combine("runs", Path.GetFileNameWithoutExtension(dataPath) + ".jsonl"),
            parsed.GetValue(seed), parsed.GetValue(folds), samplerName,
            objectives is { Count: > 1 } ? objectives : null, parsed.GetValue(maxLatency), trainerKinds, parsed.GetValue(parallel), threadCount, columnOverrides);
        try
        {
            if (settings.Objectives is not null)
            {
                return await ParetoJob.RunAsync(settings, console, errors);
            }

            return parsed.GetValue(compare) is { } seeds
                ? await SamplerComparison.RunAsync(settings, parsed.GetValue(samplers)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), seeds, console, errors)
                : await TuneJob.RunAsync(settings, console, errors);
        }
        catch (DataException e)
        {
            return Fail(errors, DataError, e.Message);
        }
    }

    /// <summary>The sampler a study of several objectives uses: the one named when it reads several objectives, else
    /// (none named) the first of auto, TPE and random that does; null with <paramref name="refusal"/> when the one named
    /// models a single objective.</summary>
    private static string? SeveralObjectivesSampler(string named, bool explicitlyNamed, out string? refusal)
    {
        var capable = SamplerCatalog.All.Names.Where(n => SamplerCatalog.Create(new SamplerSettings { Kind = n }) is Dials.Samplers.IMultiObjectiveSampler).ToList();
        refusal = null;
        if (!explicitlyNamed)
        {
            return new[] { SamplerCatalog.DefaultKind, SamplerKinds.Tpe, SamplerKinds.Random }.FirstOrDefault(capable.Contains) ?? capable[0];
        }

        if (capable.Contains(SamplerCatalog.All.Find(named)!.Name))
        {
            return SamplerCatalog.All.Find(named)!.Name;
        }

        refusal = $"--sampler {named} optimizes one objective and cannot sample several; use one of {string.Join(", ", capable)}.";
        return null;
    }

    private static int Fail(TextWriter errors, int code, string message)
    {
        // Plain, unwrapped and on stderr: the line greps and parses, and a redirected stdout keeps only results.
        errors.WriteLine("error: " + message);
        return code;
    }
}
