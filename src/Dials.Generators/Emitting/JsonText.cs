using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Dials.Generators.Emitting
{
    /// <summary>
    /// A small JSON document builder for the configuration schema (netstandard2.0 analyzers cannot bring
    /// System.Text.Json): objects keep their members in insertion order, and the text is indented with two spaces so
    /// the schema file reads well and snapshots stay reviewable.
    /// </summary>
    internal abstract class JsonText
    {
        /// <summary>A JSON string literal.</summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A JSON number that reads back as the same double.</summary>
        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A JSON number that reads back as the same float (as configuration would write it).</summary>
        public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

        public static JsonText Raw(string literal) => new RawText(literal);

        public static JsonText String(string text) => new RawText(Quote(text));

        public static JsonText Array(IEnumerable<JsonText> items) => new ArrayText(new List<JsonText>(items));

        /// <summary>The indented text.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder();
            Write(builder, 0);
            return builder.Append('\n').ToString();
        }

        internal abstract void Write(StringBuilder builder, int depth);

        protected static void Indent(StringBuilder builder, int depth) => builder.Append('\n').Append(' ', depth * 2);

        private sealed class RawText : JsonText
        {
            private readonly string literal;

            public RawText(string literal)
            {
                this.literal = literal;
            }

            internal override void Write(StringBuilder builder, int depth) => builder.Append(literal);
        }

        private sealed class ArrayText : JsonText
        {
            private readonly List<JsonText> items;

            public ArrayText(List<JsonText> items)
            {
                this.items = items;
            }

            internal override void Write(StringBuilder builder, int depth)
            {
                // Arrays of literals (choices, enum names) stay on one line; arrays of objects get a line each.
                var flat = items.TrueForAll(i => i is RawText);
                builder.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : flat ? ", " : ",");
                    if (!flat)
                    {
                        Indent(builder, depth + 1);
                    }

                    items[i].Write(builder, depth + 1);
                }

                if (!flat && items.Count > 0)
                {
                    Indent(builder, depth);
                }

                builder.Append(']');
            }
        }
    }

    /// <summary>A JSON object under construction; setting a member again replaces it in place.</summary>
    internal sealed class JsonObject : JsonText
    {
        private readonly List<KeyValuePair<string, JsonText>> members = new List<KeyValuePair<string, JsonText>>();

        public int Count => members.Count;

        public JsonObject Set(string name, JsonText value)
        {
            var index = members.FindIndex(m => m.Key == name);
            if (index >= 0)
            {
                members[index] = new KeyValuePair<string, JsonText>(name, value);
            }
            else
            {
                members.Add(new KeyValuePair<string, JsonText>(name, value));
            }

            return this;
        }

        public JsonObject Set(string name, string text) => Set(name, String(text));

        /// <summary>Sets a member only when <paramref name="text"/> is not null.</summary>
        public JsonObject SetIf(string name, string? text) => text is null ? this : Set(name, text);

        /// <summary>The object member <paramref name="name"/>, created empty when missing.</summary>
        public JsonObject Child(string name)
        {
            foreach (var member in members)
            {
                if (member.Key == name && member.Value is JsonObject existing)
                {
                    return existing;
                }
            }

            var created = new JsonObject();
            Set(name, created);
            return created;
        }

        internal override void Write(StringBuilder builder, int depth)
        {
            builder.Append('{');
            for (var i = 0; i < members.Count; i++)
            {
                builder.Append(i == 0 ? "" : ",");
                Indent(builder, depth + 1);
                builder.Append(Quote(members[i].Key)).Append(": ");
                members[i].Value.Write(builder, depth + 1);
            }

            if (members.Count > 0)
            {
                Indent(builder, depth);
            }

            builder.Append('}');
        }
    }
}
