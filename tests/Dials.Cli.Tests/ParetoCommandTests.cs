using System.Globalization;
using Dials.Cli.Commands;
using Dials.Samplers;
using Dials.Storage;

namespace Dials.Cli.Tests;

/// <summary><c>dials pareto</c>, and <c>trials</c>, <c>studies</c> and <c>best</c> on a study of several objectives.
/// The commands run in process on a study kept in an <see cref="InMemoryStorage"/>, which keeps every direction;
/// the single-objective case runs the real process over the journal fixture.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class ParetoCommandTests(StoredStudies stored)
{
    internal const string Name = "loss-vs-size";

    [Fact]
    public void Pareto_lists_the_front_along_the_first_objective_with_each_objective_and_constraint()
    {
        var study = MultiObjectiveStudy(out _);
        var (front, infeasible) = Expected(study);
        Assert.NotEmpty(infeasible);

        var (code, output, errors) = Run(o => ParetoCommand.Run(study, null, o));

        Assert.Equal(0, code);
        var header = Assert.Single(output.Split('\n'), l => l.Contains("# ", StringComparison.Ordinal) && l.Contains("Objective", StringComparison.Ordinal));
        Assert.Matches(@"│\s*#\s*│\s*Objective 1 \(minimize\)\s*│\s*Objective 2 \(maximize\)\s*│\s*memory \(<= 0\)\s*│\s*Strategy\s*│\s*Parameters\s*│", header);
        Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Select(t => t.Number), Numbers(output));
        var first = front.MinBy(t => t.ObjectiveValues[0])!;
        Assert.Matches($@"│\s*{first.Number}\s*│\s*{Regex(first.ObjectiveValues[0])}\s*│\s*{Regex(first.ObjectiveValues[1])}\s*│", output);
        Assert.Contains("LearningRate=", output, StringComparison.Ordinal);
        Assert.Equal($"{front.Count} trials on the front of {study.Trials.Count(t => t.State == TrialState.Complete) - infeasible.Count} feasible complete trials ({infeasible.Count} infeasible trials left out).",
            errors.Trim());
    }

    [Fact]
    public void Pareto_respects_the_limit()
    {
        var study = MultiObjectiveStudy(out _);
        var (front, _) = Expected(study);

        var (code, output, _) = Run(o => ParetoCommand.Run(study, 2, o));

        Assert.Equal(0, code);
        Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Take(2).Select(t => t.Number), Numbers(output));
    }

    [Fact]
    public void Pareto_of_a_single_objective_study_says_so_and_shows_the_trials_with_the_best_value()
    {
        var run = CliProcess.Run("pareto", "--storage", stored.JournalSpec, "--study", "ranker");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("study 'ranker' has one objective (Minimize), so its front is the trials with the best value.", run.Error, StringComparison.Ordinal);
        Assert.Equal([stored.Load("ranker").Best!.Number], Numbers(run.Out));
        Assert.Matches(@"│\s*#\s*│\s*Value \(minimize\)\s*│", run.Out);
    }

    [Fact]
    public void Pareto_never_shows_an_infeasible_trial_and_refuses_a_study_without_a_feasible_one()
    {
        var study = MultiObjectiveStudy(out _);
        var broken = study with
        {
            Trials = [.. study.Trials.Select(t => t.Constraints is null ? t : t with { Constraints = [new ConstraintValue("memory", 4)] })],
        };

        var (code, output, errors) = Run(o => ParetoCommand.Run(broken, null, o));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: study '{Name}' has no feasible complete trial: all ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_on_a_study_of_several_objectives_points_to_pareto()
    {
        var study = MultiObjectiveStudy(out _);

        var (code, output, errors) = Run(o => BestCommand.Run(study, "Training", o));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"study '{Name}' has 2 objectives, so no single trial is best: `dials pareto --study {Name}`", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Trials_shows_each_value_vector_and_sorts_the_front_first()
    {
        var study = MultiObjectiveStudy(out _);
        var (front, infeasible) = Expected(study);
        var trial = front[0];

        var (code, output, _) = Run(o => TrialsCommand.Run(study, null, byValue: true, null, o));

        Assert.Equal(0, code);
        Assert.Matches($@"│\s*{trial.Number}\s*│\s*Complete\s*│\s*{Regex(trial.ObjectiveValues[0])}, {Regex(trial.ObjectiveValues[1])}\s*│", output);
        Assert.Matches($@"│\s*{infeasible[0].Number}\s*│\s*Complete\s*│[^│]*\(infeasible\)\s*│", output);
        var numbers = Numbers(output);
        Assert.Equal(front.Select(t => t.Number).Order(), numbers.Take(front.Count).Order());
        // Infeasible trials come after every feasible one, and trials without values last.
        var feasibleCount = study.Trials.Count(t => t.State == TrialState.Complete) - infeasible.Count;
        Assert.Equal(infeasible.Select(t => t.Number).Order(), numbers.Skip(feasibleCount).Take(infeasible.Count).Order());
    }

    [Fact]
    public void Studies_shows_every_direction_and_the_size_of_the_front()
    {
        MultiObjectiveStudy(out var storage);

        var (code, output, _) = Run(o => StudiesCommand.Run(storage, o));

        Assert.Equal(0, code);
        var (front, _) = Expected(StudySnapshot.Load(storage, Name));
        Assert.Matches($@"{Name}\s*│\s*Minimize, Maximize\s*│\s*30\s*│\s*28\s*│\s*0\s*│\s*2\s*│\s*0\s*│\s*front of {front.Count}\s*│", output);
    }

    [Fact]
    public void Pareto_and_best_read_the_directions_a_journal_keeps_end_to_end()
    {
        var directory = Directory.CreateTempSubdirectory("dials-cli-pareto-");
        try
        {
            var journal = Path.Combine(directory.FullName, "studies.jsonl");
            StudySnapshot study;
            using (var storage = new JournalStorage(journal))
            {
                study = MultiObjectiveStudy(storage);
            }

            var (front, infeasible) = Expected(study);

            var pareto = CliProcess.Run("pareto", "--storage", "journal:" + journal, "--study", Name);
            var best = CliProcess.Run("best", "--storage", "journal:" + journal, "--study", Name);
            var studies = CliProcess.Run("studies", "--storage", "journal:" + journal);

            Assert.Equal(0, pareto.ExitCode);
            Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Select(t => t.Number), Numbers(pareto.Out));
            Assert.Contains($"({infeasible.Count} infeasible trials left out)", pareto.Error, StringComparison.Ordinal);
            Assert.Equal(1, best.ExitCode);
            Assert.Contains("dials pareto", best.Error, StringComparison.Ordinal);
            Assert.Matches($@"{Name}\s*│\s*Minimize, Maximize\s*│", studies.Out);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Pareto_trials_and_studies_show_the_objective_names_a_journal_keeps()
    {
        var directory = Directory.CreateTempSubdirectory("dials-cli-names-");
        try
        {
            var journal = Path.Combine(directory.FullName, "studies.jsonl");
            using (var storage = new JournalStorage(journal))
            {
                MultiObjectiveStudy(storage, ["loss", "score"]);
            }

            // Read back from the journal alone, as the command does.
            using var reopened = new JournalStorage(journal);
            var study = StudySnapshot.Load(reopened, Name);
            var pareto = Run(o => ParetoCommand.Run(study, null, o));
            var trials = Run(o => TrialsCommand.Run(study, null, byValue: false, 3, o));
            var studies = Run(o => StudiesCommand.Run(reopened, o));

            Assert.Matches(@"│\s*#\s*│\s*loss \(minimize\)\s*│\s*score \(maximize\)\s*│\s*memory \(<= 0\)\s*│", pareto.Output);
            Assert.DoesNotContain("Objective 1", pareto.Output, StringComparison.Ordinal);
            Assert.Matches(@"│\s*#\s*│\s*State\s*│\s*loss, score\s*│", trials.Output);
            Assert.Matches($@"{Name}\s*│\s*loss Minimize, score Maximize\s*│", studies.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A study of 30 trials minimising a loss and maximising a score that trades against it, with a memory
    /// constraint that every third trial breaks and two trials that fail.</summary>
    internal static StudySnapshot MultiObjectiveStudy(out InMemoryStorage storage)
    {
        storage = new InMemoryStorage();
        return MultiObjectiveStudy(storage);
    }

    private static StudySnapshot MultiObjectiveStudy(IStudyStorage storage, IReadOnlyList<string>? names = null)
    {
        var study = Study.Create<TrainingSettings>(new StudyOptions
        {
            Name = Name, Storage = storage, Sampler = new RandomSampler(5), Directions = [Direction.Minimize, Direction.Maximize],
            ObjectiveNames = names,
        });
        study.OptimizeAsync((config, trial, _) =>
        {
            if (trial.Number is 4 or 17)
            {
                throw new InvalidOperationException("diverged");
            }

            trial.SetConstraint("memory", trial.Number % 3 == 1 ? 5 : -1);
            var loss = StoredStudies.Loss(config);
            return ValueTask.FromResult<IReadOnlyList<double>>([loss, Math.Log2(config.BatchSize) - 3 * loss]);
        }, trials: 30).GetAwaiter().GetResult();
        return StudySnapshot.Load(storage, Name);
    }

    /// <summary>The front and the infeasible trials, by brute force over every pair of feasible trials.</summary>
    internal static (List<TrialRecord> Front, List<TrialRecord> Infeasible) Expected(StudySnapshot study)
    {
        var complete = study.Trials.Where(t => t.State == TrialState.Complete).ToList();
        var feasible = complete.Where(t => t.Constraints!.All(c => c.Value <= 0)).ToList();
        bool Dominates(TrialRecord a, TrialRecord b) =>
            a.ObjectiveValues[0] <= b.ObjectiveValues[0] && a.ObjectiveValues[1] >= b.ObjectiveValues[1]
            && (a.ObjectiveValues[0] < b.ObjectiveValues[0] || a.ObjectiveValues[1] > b.ObjectiveValues[1]);
        return ([.. feasible.Where(t => !feasible.Any(o => Dominates(o, t)))], [.. complete.Except(feasible)]);
    }

    internal static (int Code, string Output, string Errors) Run(Func<CliOutput, int> command)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = command(new CliOutput(Consoles.Create(output, redirected: true), Consoles.Create(errors, redirected: true), output, errors));
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>The trial numbers of a table's rows, top to bottom.</summary>
    private static List<int> Numbers(string table) =>
        [.. table.Split('\n').Select(l => l.Split('│')).Where(c => c.Length > 2 && int.TryParse(c[1].Trim(), CultureInfo.InvariantCulture, out _))
            .Select(c => int.Parse(c[1].Trim(), CultureInfo.InvariantCulture))];

    private static string Regex(double value) => System.Text.RegularExpressions.Regex.Escape(value.ToString("G6", CultureInfo.InvariantCulture));
}
