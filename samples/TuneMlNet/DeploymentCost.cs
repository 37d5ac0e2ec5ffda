using System.Diagnostics;
using Dials.ML.Trainers;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TuneMlNet;

/// <summary>
/// What a configuration costs to deploy, measured on the model that would be deployed: the pipeline fitted on all
/// training rows (as <see cref="FinalComparison"/> fits it; never the test rows). Latency is the prediction time per row:
/// the training rows are scored in one batch (transform and read every score) once to warm up, then
/// <see cref="Passes"/> times, and the median pass divided by the row count is taken, in microseconds; the median keeps
/// one pass slowed by another process on a shared machine from deciding. Size is the length in bytes of the model
/// saved as ML.NET's zip.
/// </summary>
public sealed class DeploymentCost(TuningRun run)
{
    /// <summary>Timed passes per configuration.</summary>
    public const int Passes = 5;

    /// <summary>How latency is measured, for the console and the tuning log.</summary>
    public string LatencyMethod => $"median of {Passes} timed passes scoring the {run.Split.TrainRows} training rows in one batch, per row, in microseconds (model fitted on those rows)";

    /// <summary>Fits <paramref name="config"/> on the training rows and measures what <paramref name="objectives"/> asks
    /// for (latency, size or both).</summary>
    /// <returns>The latency in microseconds per row and the size in bytes, each NaN when not asked for.</returns>
    public (double LatencyMicroseconds, double SizeBytes) Measure(TrainerSearch config, IReadOnlyList<JobObjective> objectives)
    {
        var model = run.FitOnTraining(config).Model;
        var latency = objectives.Contains(JobObjective.Latency) ? Latency(model) : double.NaN;
        var size = objectives.Contains(JobObjective.Size) ? Size(model) : double.NaN;
        return (latency, size);
    }

    private double Latency(ITransformer model)
    {
        var rows = run.Split.TrainRows;
        Score(model);
        var passes = new double[Passes];
        for (var i = 0; i < Passes; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Score(model);
            passes[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / rows;
        }

        Array.Sort(passes);
        return passes[Passes / 2];
    }

    /// <summary>Scores every training row, reading each score so nothing is skipped lazily.</summary>
    private void Score(ITransformer model)
    {
        var scored = model.Transform(run.Split.Train);
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        if (column.Type is VectorDataViewType)
        {
            var get = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> scores = default;
            while (cursor.MoveNext())
            {
                get(ref scores);
            }
        }
        else
        {
            var get = cursor.GetGetter<float>(column);
            float score = default;
            while (cursor.MoveNext())
            {
                get(ref score);
            }
        }
    }

    private double Size(ITransformer model)
    {
        using var stream = new MemoryStream();
        run.Ml.Model.Save(model, run.Split.Train.Schema, stream);
        return stream.Length;
    }
}
