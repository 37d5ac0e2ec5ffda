namespace Dials;

/// <summary>The study behind a <see cref="Trial"/>: a trial reports and asks for pruning through it, so that every
/// trial change goes to the study's storage.</summary>
internal interface ITrialHost
{
    void Report(Trial trial, IntermediateValue value);

    bool ShouldPrune(Trial trial);
}
