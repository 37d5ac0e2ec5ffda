namespace Dials.Samplers;

/// <summary>
/// The default strategy: picks, for every trial, the sampler that suits the space and the study's progress, and
/// records which one proposed the trial and why. A Gaussian process (<see cref="GpSampler"/>), which needed the fewest
/// trials on every problem measured, conditional ones included; TPE (<see cref="TpeSampler"/>) once a study is long
/// enough that the GP's cost no longer pays. A study of several objectives is handed to multi-objective TPE throughout
/// (after its random start-up), the default Optuna 5 uses there too.
/// </summary>
/// <remarks>
/// <para>The rules are <see cref="AutoStrategy"/>'s, each backed by a measurement in docs/samplers.md. Both samplers
/// read every trial of the study, whoever proposed it, so switching from GP to TPE mid-study loses nothing. Inside the GP,
/// a branch of a conditional space gets a GP of its own once it holds the best trial; other branches are explored by
/// TPE.</para>
/// <para>The inner samplers get this sampler's seed: with a seed, a study under <see cref="AutoSampler"/> proposes
/// exactly what the chosen sampler would have proposed on its own, and replays exactly.</para>
/// </remarks>
public sealed class AutoSampler : IProposingSampler, IMultiObjectiveSampler
{
    private readonly AutoStrategy strategy;
    private readonly GpSampler gp;
    private readonly TpeSampler tpe;

    /// <summary>Creates the automatic sampler.</summary>
    /// <param name="seed">Seed of the inner samplers; null for a random seed.</param>
    /// <param name="strategy">The rules; null for <see cref="AutoStrategy"/>'s defaults.</param>
    /// <param name="deterministicObjective">Passed to <see cref="GpSampler"/>: whether the objective returns the same
    /// value for the same point.</param>
    public AutoSampler(int? seed = null, AutoStrategy? strategy = null, bool deterministicObjective = false)
    {
        var fixedSeed = seed ?? (int)(TrialRandom.NewSeed() & 0x7FFFFFFF);
        this.strategy = strategy ?? new AutoStrategy();
        gp = new GpSampler(fixedSeed, deterministicObjective: deterministicObjective);
        tpe = new TpeSampler(fixedSeed);
    }

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsMultiObjective)
        {
            var proposal = tpe.Propose(context);
            return proposal with { Reason = "auto: several objectives: multi-objective TPE" + (proposal.Reason is null ? "" : $". {proposal.Reason}") };
        }

        var complete = 0;
        foreach (var trial in context.Trials)
        {
            complete += trial.State == TrialState.Complete ? 1 : 0;
        }

        var (kind, reason) = strategy.Choose(context.Space, complete);
        var inner = kind == AutoStrategyKind.Gp ? gp.Propose(context) : tpe.Propose(context);
        return inner with { Reason = $"auto: {reason}" + (inner.Reason is null ? "" : $". {inner.Reason}") };
    }
}
