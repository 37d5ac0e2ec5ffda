using System.Text.Json;

namespace TuneNetwork;

/// <summary>The trained network as a small JSON file: its configuration, the units per layer, and every parameter
/// tensor in <see cref="Mlp.Parameters"/> order (weights row-major, one row per output unit, then biases).</summary>
public static class NetworkWeights
{
    /// <summary>Writes <paramref name="training"/>'s network to <paramref name="path"/>.</summary>
    public static void Write(string path, NetworkTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteString("model", "multilayer perceptron, ReLU hidden layers, softmax output (samples/TuneNetwork)");
        json.WriteString("input", "64 pixels of an 8x8 digit, each divided by 16");
        json.WriteStartArray("sizes");
        foreach (var size in training.Network.Sizes)
        {
            json.WriteNumberValue(size);
        }

        json.WriteEndArray();
        json.WriteString("config", training.Config.ToString());
        json.WriteStartArray("layers");
        for (var layer = 0; layer < training.Network.Layers; layer++)
        {
            json.WriteStartObject();
            WriteTensor(json, "weights", training.Network.Parameters[2 * layer]);
            WriteTensor(json, "biases", training.Network.Parameters[2 * layer + 1]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTensor(Utf8JsonWriter json, string name, float[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
