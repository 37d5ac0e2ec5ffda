using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tuning;

/// <summary>
/// Refuses predictions that are not numbers. ML.NET's evaluators skip rows whose score is NaN, so a model that predicts
/// nothing but NaN (a FastForest whose leaf size forbids every split on a small fold does) would score a perfect RMSE
/// of 0 and win the study. A NaN prediction fails the evaluation instead, naming how many rows had one.
/// </summary>
internal static class UnscoredRows
{
    /// <exception cref="InvalidOperationException">Some <c>Score</c> is NaN or infinite.</exception>
    public static void ThrowIfAny(IDataView scored)
    {
        var column = scored.Schema.GetColumnOrNull("Score");
        if (column is not { } score)
        {
            return;
        }

        long rows = 0, bad = 0;
        using var cursor = scored.GetRowCursor([score]);
        if (score.Type is VectorDataViewType)
        {
            var get = cursor.GetGetter<VBuffer<float>>(score);
            VBuffer<float> values = default;
            while (cursor.MoveNext())
            {
                get(ref values);
                rows++;
                bad += values.DenseValues().Any(v => !float.IsFinite(v)) ? 1 : 0;
            }
        }
        else
        {
            var get = cursor.GetGetter<float>(score);
            float value = default;
            while (cursor.MoveNext())
            {
                get(ref value);
                rows++;
                bad += float.IsFinite(value) ? 0 : 1;
            }
        }

        if (bad > 0)
        {
            throw new InvalidOperationException(
                $"The model predicted no number (NaN or infinity) for {bad} of {rows} rows, so it cannot be scored; a tree learner whose minimum leaf size forbids every split on this many rows does that.");
        }
    }
}
