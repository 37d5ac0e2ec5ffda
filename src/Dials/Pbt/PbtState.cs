using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dials.Pbt;

/// <summary>What a population-based training run keeps between rounds (as JSON in its checkpoint store), enough to
/// resume after the last finished round: each member's hyperparameters, steps, checkpoint and schedule so far.</summary>
internal sealed record PbtState
{
    public const string FileName = "pbt-state.json";

    public required string Study { get; init; }

    public required int PopulationSize { get; init; }

    public required int Interval { get; init; }

    public required int Steps { get; init; }

    public required long Seed { get; init; }

    /// <summary>Rounds whose training has finished and whose members are checkpointed.</summary>
    public required int RoundsDone { get; init; }

    public required bool Finished { get; init; }

    public required PbtMemberState[] Members { get; init; }

    public required PbtRound[] Rounds { get; init; }

    public static PbtState? Read(ICheckpointStore store)
    {
        using var stream = store.OpenRead(FileName);
        if (stream is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(stream, PbtStateJson.Default.PbtState)
                ?? throw new InvalidDataException($"The population-based training state '{FileName}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The population-based training state '{FileName}' cannot be read: {exception.Message}", exception);
        }
    }

    public ValueTask WriteAsync(ICheckpointStore store, CancellationToken cancellationToken) =>
        store.WriteAsync(FileName, async (stream, token) =>
            await JsonSerializer.SerializeAsync(stream, this, PbtStateJson.Default.PbtState, token).ConfigureAwait(false), cancellationToken);
}

/// <summary>One member between rounds.</summary>
/// <param name="Point">The hyperparameters it trains under next (internal values, NaN where inactive).</param>
/// <param name="StepsTrained">Steps behind its weights.</param>
/// <param name="Checkpoint">The checkpoint its weights are in (its own, or the one it copied).</param>
/// <param name="Score">Its last evaluation (NaN when it failed).</param>
/// <param name="Schedule">The hyperparameters behind its weights, step by step.</param>
/// <param name="How">How <paramref name="Point"/> came about ("continued" when it did not change).</param>
internal sealed record PbtMemberState(double[] Point, int StepsTrained, string Checkpoint, double Score, PbtSegmentState[] Schedule, string How);

/// <summary>One stretch of a member's schedule: from which step it trained under which point, and why.</summary>
internal sealed record PbtSegmentState(int FromStep, int Steps, double[] Point, int Trial, string How);

/// <summary>Source-generated serialization of the run state (no reflection, trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, WriteIndented = true)]
[JsonSerializable(typeof(PbtState))]
internal sealed partial class PbtStateJson : JsonSerializerContext;
