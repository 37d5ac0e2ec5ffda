namespace Dials.ML;

/// <summary>How a categorical column becomes features.</summary>
public enum CategoricalEncoding
{
    /// <summary>One feature per level seen in training; an unseen level is all zeros.</summary>
    OneHot,

    /// <summary>Levels hashed into a fixed number of features, so the width does not grow with the level count.</summary>
    Hash,
}
