using System.Globalization;
using System.IO.Compression;

namespace TuneNetwork;

/// <summary>Images as rows of features scaled to [0, 1] and their classes.</summary>
/// <param name="Features">One row per image.</param>
/// <param name="Labels">The class of each row.</param>
public sealed record LabelledSet(float[][] Features, int[] Labels)
{
    /// <summary>The number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The rows at <paramref name="indices"/>.</summary>
    public LabelledSet Take(IEnumerable<int> indices)
    {
        var list = indices.ToList();
        return new LabelledSet([.. list.Select(i => Features[i])], [.. list.Select(i => Labels[i])]);
    }
}

/// <summary>The 8x8 digits shipped in <c>data/digits.csv.gz</c> (see data/README.md): 64 pixel intensities from 0 to 16,
/// then the digit.</summary>
public static class Digits
{
    /// <summary>Pixels per image.</summary>
    public const int Inputs = 64;

    /// <summary>Classes (the digits 0-9).</summary>
    public const int Classes = 10;

    /// <summary>The shipped file, next to the program.</summary>
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");

    /// <summary>Reads the gzipped CSV, scaling pixels to [0, 1] (the network's initialisation assumes inputs of order 1).</summary>
    /// <exception cref="InvalidDataException">A line is not 64 numbers and a digit; the message names the line.</exception>
    public static LabelledSet Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var features = new List<float[]>();
        var labels = new List<int>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var cells = line.Split(',');
            if (cells.Length != Inputs + 1 || !int.TryParse(cells[Inputs], CultureInfo.InvariantCulture, out var label) || label is < 0 or >= Classes)
            {
                throw new InvalidDataException($"{path}, line {number}: expected {Inputs} pixels and a digit 0-9.");
            }

            var row = new float[Inputs];
            for (var i = 0; i < Inputs; i++)
            {
                row[i] = float.Parse(cells[i], CultureInfo.InvariantCulture) / 16f;
            }

            features.Add(row);
            labels.Add(label);
        }

        return new LabelledSet([.. features], [.. labels]);
    }
}
