namespace TuneNetwork;

/// <summary>What one run of the sample does and where it keeps its files.</summary>
/// <param name="Trials">The study's total trial budget (a resumed study counts the trials it already has).</param>
/// <param name="Seed">Seeds the split, the sampler and every network's initialisation and shuffles.</param>
/// <param name="Storage">The study's journal file; every other output is written next to it.</param>
/// <param name="EpochScale">Multiplies every training length (1 for real runs; the tests shrink it).</param>
public sealed record NetworkSettings(int Trials, int Seed, string Storage, double EpochScale = 1)
{
    /// <summary>The study's name: the data, the model and the seed, so another split never mixes into a study.</summary>
    public string StudyName => $"digits-mlp-seed{Seed}";

    /// <summary>A file next to the journal: its name without extension plus <paramref name="suffix"/>.</summary>
    public string Beside(string suffix)
    {
        var file = Path.GetFullPath(Storage);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + suffix);
    }

    /// <summary><paramref name="epochs"/> after <see cref="EpochScale"/>, at least 1.</summary>
    public int Scale(int epochs) => Math.Max(1, (int)Math.Round(epochs * EpochScale));
}
