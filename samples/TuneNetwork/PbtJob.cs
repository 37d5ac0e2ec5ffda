using System.Globalization;
using Dials;
using Dials.Pbt;
using Dials.Reporting.Export;
using Dials.Reporting.Html;
using Dials.Samplers;
using Dials.Storage;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// Population-based training of the sample's network (<see cref="NetworkMember"/>, <see cref="PbtConfig"/>): 8
/// members of 128 hidden units, 30 epochs each, exploit and explore every 3 epochs. <c>--pbt</c> runs it in a journal
/// study with checkpoints in a folder (so a killed run resumes) and tests the winner once; <c>--compare-pbt N</c>
/// runs it in memory on seeds 0..N-1 against TPE with Hyperband given the same total number of epochs.
/// </summary>
public static class PbtJob
{
    /// <summary>Members trained side by side.</summary>
    public const int Population = 8;

    /// <summary>Epochs between two exploit-and-explore rounds.</summary>
    public const int Interval = 3;

    /// <summary>Epochs each member trains.</summary>
    public const int Epochs = 30;

    /// <summary>Runs PBT once and tests the winner; returns the exit code.</summary>
    public static async Task<int> RunAsync(NetworkSettings settings, IAnsiConsole console)
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), settings.Seed);
        var study = CreateStudy(settings, new JournalStorage(settings.Beside(".pbt.jsonl")));
        var store = new DirectoryCheckpointStore(settings.Beside(".pbt-checkpoints"));
        var options = Options(settings, store);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Population-based training: {options.PopulationSize} members ({PbtConfig.Width} units x {PbtConfig.Depth} layer), {options.Steps} epochs each, exploit and explore every {options.Interval}; study {study.Name} in {settings.Beside(".pbt.jsonl")}, checkpoints in {store.Directory}."));
        var result = await PopulationBasedTraining.RunAsync(study, i => new NetworkMember(splits, MemberSeed(settings.Seed, i)), options);
        var winner = await NetworkMember.LoadAsync(splits, store, result.Winner.Checkpoint);
        var test = splits.EvaluateTestOnce(rows => winner.Training.Network.Evaluate(rows));
        NetworkWeights.Write(settings.Beside(".pbt.weights.json"), winner.Training);

        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(inv, $"{result.Rounds.Count} rounds; winner member {result.Winner.Index}, validation accuracy {result.Winner.Score:P2}; test accuracy {test.Accuracy:P2} ({splits.TestRows} rows, once; loss {test.Loss:G4})."));
        var table = new Table().AddColumns("Epochs", "Optimizer", "Rate", "Batch", "Dropout", "Weight decay", "How");
        foreach (var stretch in result.Winner.Schedule)
        {
            var c = stretch.Config;
            table.AddRow($"{stretch.FromStep}-{stretch.FromStep + stretch.Steps}", c.Optimizer, c.LearningRate.ToString("G3", inv),
                c.BatchSize.ToString(inv), c.Dropout.ToString("G3", inv), c.WeightDecay.ToString("G3", inv), Markup.Escape(stretch.How));
        }

        console.Write(table);

        // The model card: the study's own facts, then the winner's schedule and the one test evaluation.
        var card = ModelCard.Build(study.Snapshot(), null, null, DateTimeOffset.UtcNow) with
        {
            Sections =
            [
                PbtScheduleSection.Of(result, study.Space),
                new CardSection("Held-out scores",
                [
                    new("Validation accuracy", result.Winner.Score.ToString("P2", inv), result.Winner.Score),
                    new("Test accuracy", string.Create(inv, $"{test.Accuracy:P2} ({splits.TestRows} rows, evaluated once)"), test.Accuracy),
                ]),
            ],
        };
        File.WriteAllText(settings.Beside(".pbt.card.md"), ModelCardMarkdown.Write(card));

        // The tuning log: one line per member interval, whose strategy reason says how its configuration came about
        // (copied from which member, what explore changed), so the winner's schedule can be read back from it too.
        using (var log = new StreamWriter(settings.Beside(".pbt.trials.jsonl")))
        {
            TuningLogJson.WriteLines(study.Snapshot(), log);
        }

        HtmlReport.Write(settings.Beside(".pbt.report.html"), ReportContent.Analyse(study.Snapshot(), seed: settings.Seed) with { Sections = card.Sections! });
        File.WriteAllText(settings.Beside(".pbt.card.json"), ModelCardJson.Write(card, study.Space));
        console.WriteLine($"Winner's weights: {settings.Beside(".pbt.weights.json")}; model card with its schedule: {settings.Beside(".pbt.card.md")}.");
        return 0;
    }

    /// <summary>PBT against TPE with Hyperband at the same total number of epochs, on <paramref name="seeds"/> seeds,
    /// each seed's two winners scored in its one test evaluation; returns the exit code.</summary>
    public static async Task<int> CompareAsync(NetworkSettings settings, int seeds, IAnsiConsole console)
    {
        var data = Digits.Load(Digits.ShippedPath);
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("Seed", "PBT epochs", "PBT test accuracy", "TPE+Hyperband epochs (trials)", "TPE+Hyperband test accuracy");
        var (pbtScores, tpeScores) = (new List<double>(), new List<double>());
        for (var seed = settings.Seed; seed < settings.Seed + seeds; seed++)
        {
            var run = settings with { Seed = seed };
            var splits = DigitSplits.Create(data, seed);
            var store = new MemoryCheckpointStore();
            var options = Options(run, store);
            var pbt = await PopulationBasedTraining.RunAsync(CreateStudy(run, new InMemoryStorage()),
                i => new NetworkMember(splits, MemberSeed(seed, i)), options);
            var pbtWinner = await NetworkMember.LoadAsync(splits, store, pbt.Winner.Checkpoint);
            var budget = options.PopulationSize * options.Steps;

            // TPE with Hyperband gets trials until it has trained as many epochs as PBT did (the last trial may run over).
            var study = TuneJob.CreateStudy(run, new InMemoryStorage());
            var objective = new NetworkObjective(splits, run);
            var epochs = 0;
            var result = study.GetResult();
            while (epochs < budget)
            {
                result = await study.OptimizeAsync(objective.RunAsync, trials: result.Trials.Count + 1);
                epochs = result.Trials.Sum(t => t.Intermediate.Count);
            }

            var tpeWinner = objective.Retrain(result.Best.Config);
            var (pbtTest, tpeTest) = splits.EvaluateTestOnce(rows =>
                (pbtWinner.Training.Network.Evaluate(rows).Accuracy, tpeWinner.Network.Evaluate(rows).Accuracy));
            pbtScores.Add(pbtTest);
            tpeScores.Add(tpeTest);
            table.AddRow(seed.ToString(inv), budget.ToString(inv), pbtTest.ToString("P2", inv),
                string.Create(inv, $"{epochs} ({result.Trials.Count})"), tpeTest.ToString("P2", inv));
        }

        table.AddRow("mean", "", pbtScores.Average().ToString("P2", inv), "", tpeScores.Average().ToString("P2", inv));
        console.WriteLine(string.Create(inv, $"PBT ({Population} members x {settings.Scale(Epochs)} epochs, rounds every {settings.Scale(Interval)}) against TPE with Hyperband at the same total epochs; test accuracy on each seed's sealed split ({seeds} seeds)."));
        console.Write(table);
        return 0;
    }

    private static PbtOptions Options(NetworkSettings settings, ICheckpointStore store) => new()
    {
        PopulationSize = Population,
        Interval = settings.Scale(Interval),
        Steps = settings.Scale(Epochs),
        Seed = settings.Seed,
        Checkpoints = store,
    };

    private static Study<PbtConfig> CreateStudy(NetworkSettings settings, IStudyStorage storage) =>
        Study.Create<PbtConfig>(new StudyOptions
        {
            Name = $"digits-mlp-pbt-seed{settings.Seed}",
            Direction = Direction.Maximize,
            Sampler = new TpeSampler(settings.Seed),
            Storage = storage,
        });

    private static int MemberSeed(int seed, int member) => seed * 1000 + member;
}
