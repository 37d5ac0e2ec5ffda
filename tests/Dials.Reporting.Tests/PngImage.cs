using System.Buffers.Binary;
using System.IO.Compression;

namespace Dials.Reporting.Tests;

/// <summary>
/// Just enough of a PNG decoder to check a screenshot: 8-bit greyscale, RGB or RGBA, not interlaced (what Chromium
/// writes). Pixels come back as RGB.
/// </summary>
internal sealed class PngImage
{
    private readonly byte[] rgb;

    private PngImage(int width, int height, byte[] rgb) => (Width, Height, this.rgb) = (width, height, rgb);

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y] => (rgb[(y * Width + x) * 3], rgb[(y * Width + x) * 3 + 1], rgb[(y * Width + x) * 3 + 2]);

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new FormatException("Not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                    channels = data[9] switch { 0 => 1, 2 => 3, 6 => 4, var c => throw new FormatException($"Colour type {c} is not supported.") };
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new FormatException("Only 8-bit, non-interlaced PNGs are supported.");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var source = data.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = above[i], corner = i >= channels ? above[i - channels] : 0;
                row[i] = (byte)(source[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, corner),
                    _ => throw new FormatException($"Unknown PNG filter {filter}."),
                });
            }
        }

        var rgb = new byte[width * height * 3];
        for (var p = 0; p < width * height; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[p * 3 + c] = pixels[p * channels + (channels == 1 ? 0 : c)];
            }
        }

        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
