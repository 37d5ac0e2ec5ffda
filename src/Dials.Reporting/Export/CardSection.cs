namespace Dials.Reporting.Export;

/// <summary>A section of a <see cref="ModelCard"/> that only its author knows: the data, the split, the scores on held-out
/// data, the versions of the libraries that trained the model. Written after the study's own sections, in order.</summary>
/// <param name="Title">The section's heading ("Data", "Scores").</param>
/// <param name="Facts">Its facts, in order.</param>
public sealed record CardSection(string Title, IReadOnlyList<CardFact> Facts);

/// <summary>One fact of a <see cref="CardSection"/>: a name, how people read it, and the value a program reads.</summary>
/// <param name="Name">The fact's name ("Test rows").</param>
/// <param name="Text">It as people read it ("89, sealed until the final evaluation").</param>
/// <param name="Value">It as JSON carries it (a number, a string or a bool); null writes
/// <paramref name="Text"/>.</param>
public sealed record CardFact(string Name, string Text, object? Value = null);
