namespace Dials.Pruners;

/// <summary>Never prunes: every trial runs to the end. The default pruner.</summary>
public sealed class NopPruner : IPruner
{
    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => false;
}
