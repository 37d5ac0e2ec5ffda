namespace Dials.ML;

/// <summary>A model file that cannot be used: missing, not a model.zip, or without Dials' entry. The message names the
/// file and what is wrong with it.</summary>
/// <param name="message">What is wrong, naming the file.</param>
/// <param name="inner">The failure underneath, if any.</param>
public sealed class ModelFileException(string message, Exception? inner = null) : Exception(message, inner);
