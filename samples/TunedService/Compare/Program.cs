using System.Globalization;
using Dials;
using TunedService.Compare;

// The service's sampler against others on its own synthetic objective, over seeds: trials until the best loss is
// within a target, best loss after 10, 20 and all trials, pruned trials, which strategies proposed the trials, time.
// Usage: dotnet run --project samples/TunedService/Compare -c Release -- [--seeds 10] [--first-seed 0]
//        [--samplers Auto,Tpe] [--Tuning:KEY=VALUE ...]   (the first sampler is compared with each other one)
var seeds = 10;
var firstSeed = 0;
string[] samplers = ["Auto", "Tpe"];
var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--seeds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
            seeds = n;
            i++;
            break;
        case "--first-seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var n):
            firstSeed = n;
            i++;
            break;
        case "--samplers" when value is not null:
            samplers = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            i++;
            break;
        case var setting when setting.StartsWith("--Tuning:", StringComparison.OrdinalIgnoreCase) && setting.Contains('=', StringComparison.Ordinal):
            overrides[setting[2..setting.IndexOf('=', StringComparison.Ordinal)]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
            break;
        default:
            Console.Error.WriteLine($"error: unexpected '{args[i]}'. Options: --seeds N (> 0), --first-seed N, --samplers A,B, --Tuning:KEY=VALUE.");
            return 2;
    }
}

if (samplers.Length == 0)
{
    Console.Error.WriteLine("error: --samplers needs at least one name.");
    return 2;
}

double[] targets = [0.1, 0.05];
var folder = Directory.CreateTempSubdirectory("tunedservice-compare-").FullName;
var rows = new List<ComparisonRow>();
try
{
    Console.WriteLine("Loss of the service's synthetic objective (lower is better; optimum 0 plus noise under 0.01), tuned as its "
        + "appsettings.json says but for the sampler and seed; trials to <= X = trials asked until the best complete loss is <= X.");
    var checkpoints = Array.Empty<int>();
    foreach (var seed in Enumerable.Range(firstSeed, seeds))
    {
        foreach (var sampler in samplers)
        {
            var (trials, seconds) = await ServiceRun.TuneAsync(sampler, seed, overrides, folder);
            if (checkpoints.Length == 0)
            {
                checkpoints = [.. new[] { 10, 20 }.Where(c => c < trials.Count).Append(trials.Count)];
                Console.WriteLine($"| Seed | Sampler | {string.Join(" | ", targets.Select(t => $"Trials to <= {t:0.###}"))} | {string.Join(" | ", checkpoints.Select(c => $"Best @{c}"))} | Pruned | Proposed by | s |");
                Console.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", 5 + targets.Length + checkpoints.Length))}");
            }

            var row = ComparisonRow.Of(seed, sampler, trials, targets, checkpoints, seconds);
            rows.Add(row);
            Console.WriteLine(row.Markdown(trials.Count));
        }
    }

    Console.WriteLine();
    ComparisonRow.Summarise(rows, targets, checkpoints, Console.Out);
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
