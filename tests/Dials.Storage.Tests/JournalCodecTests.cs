using System.Buffers;
using System.Text;
using System.Text.Json;
using Dials.Storage.Journal;

namespace Dials.Storage.Tests;

/// <summary>The journal's record codec: the lines earlier versions wrote (with the serializer) read back and are written
/// again byte for byte, and a line that is not a record fails naming what is wrong.</summary>
public sealed class JournalCodecTests
{
    /// <summary>Lines written by the previous version's serializer, every field and kind of value among them: text that
    /// needs escaping, non-finite numbers, a time with an offset, enums, constraints.</summary>
    private static readonly string[] Lines =
    [
        """{"op":"study","study":"s","direction":"Maximize","space":"{\u0022format\u0022:\u0022dials.space\u0022,\u0022x\u0022:[1,2]}"}""",
        """{"op":"study","study":"mo \u003C\u00E9\u003E \u0026 \u0027x\u0027","direction":"Minimize","directions":["Minimize","Maximize"],"names":["loss","accuracy \u2603"],"space":""}""",
        """{"op":"trial","study":"s","n":0,"at":"2026-11-30T11:39:13.4029089+02:00"}""",
        """{"op":"point","study":"s","n":12,"point":[0.1,"NaN",-3E-300,1E+21,5,-0],"strategy":"TPE","reason":"line\nbreak \u0022quoted\u0022 \\ tab\t"}""",
        """{"op":"report","study":"s","n":3,"step":9000000000,"value":"Infinity"}""",
        """{"op":"finish","study":"s","n":4,"value":0.30000000000000004,"state":"Complete","ticks":123456789,"cpu":42,"values":[1.5,"-Infinity","NaN"],"constraints":[{"name":"latency","value":-0.5},{"name":"mem","value":"NaN"}]}""",
        """{"op":"finish","study":"s","n":5,"state":"Failed","ticks":0,"reason":"the sampler failed: boom"}""",
        """{"op":"beat","study":"s","n":6,"at":"2026-11-30T09:39:13.4029089+00:00"}""",
        """{"op":"enqueue","study":"s","point":[1,2.5],"reason":"baseline"}""",
        """{"op":"finish","study":"s","n":7,"value":1.7976931348623157E+308,"state":"Pruned","ticks":9223372036854775807}""",
    ];

    /// <summary><see cref="Lines"/>, for the theory.</summary>
    public static TheoryData<string> WrittenBefore => new(Lines);

    [Theory]
    [MemberData(nameof(WrittenBefore))]
    public void A_line_written_before_reads_back_and_is_written_again_byte_for_byte(string line)
    {
        var record = JournalCodec.Read(Encoding.UTF8.GetBytes(line));

        Assert.Equal(line + "\n", Written(record));
    }

    [Fact]
    public void Every_field_reads_back_as_written()
    {
        var record = JournalCodec.Read(Line(5));

        Assert.Equal(JournalRecord.Finish, record.Op);
        Assert.Equal(4, record.Number);
        Assert.Equal(TrialState.Complete, record.State);
        Assert.Equal(0.30000000000000004, record.Value);
        Assert.Equal(123456789, record.DurationTicks);
        Assert.Equal(42, record.CpuTicks);
        Assert.Equal([1.5, double.NegativeInfinity, double.NaN], record.Values!);
        Assert.Equal([new ConstraintValue("latency", -0.5), new ConstraintValue("mem", double.NaN)], record.ConstraintValues()!);

        var point = JournalCodec.Read(Line(3));
        Assert.Equal([0.1, double.NaN, -3e-300, 1e21, 5, -0.0], point.Point!);
        Assert.Equal("line\nbreak \"quoted\" \\ tab\t", point.Reason);

        var study = JournalCodec.Read(Line(1));
        Assert.Equal("mo <é> & 'x'", study.Study);
        Assert.Equal([Direction.Minimize, Direction.Maximize], study.Directions!);
        Assert.Equal(["loss", "accuracy \u2603"], study.ObjectiveNames!);

        var created = JournalCodec.Read(Line(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 39, 13, TimeSpan.FromHours(2)).AddTicks(4029089), created.At);
        Assert.Equal(TimeSpan.FromHours(2), created.At!.Value.Offset);
    }

    [Fact]
    public void Random_records_round_trip()
    {
        var random = new Random(7);
        double Any() => random.Next(6) switch
        {
            0 => double.NaN,
            1 => double.PositiveInfinity,
            2 => double.NegativeInfinity,
            3 => random.NextDouble() * Math.Pow(10, random.Next(-300, 300)),
            _ => -random.NextDouble(),
        };
        for (var i = 0; i < 500; i++)
        {
            var record = new JournalRecord
            {
                Op = JournalRecord.Finish,
                Study = new string((char)random.Next(32, 0x3000), random.Next(1, 4)),
                Number = random.Next(),
                Value = random.Next(2) == 0 ? null : Any(),
                Values = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Any())],
                Step = random.NextInt64(long.MinValue, long.MaxValue),
                Reason = new string((char)random.Next(0, 0xD7FF), random.Next(0, 5)),
            };

            var again = JournalCodec.Read(Encoding.UTF8.GetBytes(Written(record).TrimEnd('\n')));

            Assert.Equal(Written(record), Written(again));
            Assert.Equal(record.Study, again.Study);
            Assert.Equal(record.Reason, again.Reason);
            Assert.Equal(record.Step, again.Step);
            Assert.Equal(record.Values!.Select(BitConverter.DoubleToInt64Bits), again.Values!.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Unknown_fields_are_skipped_a_null_is_an_absent_field_and_the_last_of_a_repeated_field_wins()
    {
        var record = JournalCodec.Read(Encoding.UTF8.GetBytes(
            """{"op":"finish","later":{"a":[1,{"b":null}]},"study":"s","n":1,"n":2,"value":null,"reason":null,"state":"complete","values":null,"extra":"x"}"""));

        Assert.Equal(2, record.Number);
        Assert.Null(record.Value);
        Assert.Null(record.Reason);
        Assert.Null(record.Values);
        Assert.Equal(TrialState.Complete, record.State); // enum names in any case, as the serializer read them
    }

    [Theory]
    [InlineData("""{"op":"trial","study":"s","n":"3"}""", "'n' must be an integer")]
    [InlineData("""{"op":"trial","study":"s","n":2.5}""", "'n' must be an integer")]
    [InlineData("""{"op":"point","study":"s","n":1,"point":[0.5,"half"]}""", "'point' must be a number")]
    [InlineData("""{"op":"point","study":"s","n":1,"point":0.5}""", "'point' must be an array")]
    [InlineData("""{"op":"finish","study":"s","n":1,"state":"Done"}""", "'state' must be one of")]
    [InlineData("""{"op":"trial","study":"s","at":"yesterday"}""", "'at' must be an ISO 8601 time")]
    [InlineData("""{"study":"s","n":1}""", "no 'op'")]
    [InlineData("""{"op":"trial","n":1}""", "no 'study'")]
    [InlineData("""{"op":"finish","study":"s","constraints":[{"value":1}]}""", "no 'constraints.name'")]
    [InlineData("""["op","trial"]""", "a JSON object")]
    public void A_line_that_is_not_a_record_fails_saying_what_is_wrong(string line, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JournalCodec.Read(Encoding.UTF8.GetBytes(line)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":"trial","study":"s","n":1""")]
    [InlineData("""{"op":"trial","study":"s","n":""")]
    [InlineData("""{"op":"tri""")]
    [InlineData("""{"op":"trial","study":"s"} {}""")]
    [InlineData("")]
    public void A_torn_or_malformed_line_fails_as_json(string line) =>
        Assert.ThrowsAny<JsonException>(() => JournalCodec.Read(Encoding.UTF8.GetBytes(line)));

    private static byte[] Line(int index) => Encoding.UTF8.GetBytes(Lines[index]);

    private static string Written(JournalRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        JournalCodec.Write(record, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
