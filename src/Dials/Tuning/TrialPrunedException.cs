namespace Dials;

/// <summary>Thrown by an objective to end its trial as <see cref="TrialState.Pruned"/>, typically right after
/// <see cref="Trial.ShouldPrune"/> answered true.</summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception with a standard message.</summary>
    public TrialPrunedException()
        : base("The trial was pruned.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrialPrunedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TrialPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
