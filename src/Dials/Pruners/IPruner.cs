namespace Dials.Pruners;

/// <summary>Decides whether a running trial should stop early, from its intermediate values and the other trials'.</summary>
public interface IPruner
{
    /// <summary>Whether <see cref="PruningContext.Trial"/> should be pruned now.</summary>
    bool ShouldPrune(PruningContext context);
}
