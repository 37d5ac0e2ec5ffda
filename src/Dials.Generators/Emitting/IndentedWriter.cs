using System.Text;

namespace Dials.Generators.Emitting
{
    /// <summary>A small writer of indented C# lines with braces, so emitters read like the code they write.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int depth;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', depth * 4);
            }

            builder.Append(text).Append('\n');
        }

        /// <summary>Writes <paramref name="header"/> (when any) and an opening brace, then indents.</summary>
        public void Open(string header)
        {
            if (header.Length > 0)
            {
                Line(header);
            }

            Line("{");
            depth++;
        }

        /// <summary>Unindents and writes the closing brace (or <paramref name="closing"/>).</summary>
        public void Close(string closing = "}")
        {
            depth--;
            Line(closing);
        }

        public void Indent() => depth++;

        public void Unindent() => depth--;

        public override string ToString() => builder.ToString();
    }
}
